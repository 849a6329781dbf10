"""The two servers under test, each started fresh, pinned to one CPU, and
stopped by its own PID. Both serve the same page with the same headers from
the same certificate."""

import os
import signal
import socket
import subprocess
import time

import probe

PAGE = "/de/1"
# Started processes, so a failure or Ctrl-C still stops every one by PID.
STARTED = []


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_all():
    for process in STARTED:
        stop(process)
    STARTED.clear()


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def children(pid):
    """PIDs whose parent is pid (nginx's workers)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                # The command name may hold spaces; fields resume after ")".
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def launch(command, tmp, name):
    """Starts command with its output in tmp/NAME.out (start-up lines only:
    neither server is told to log requests)."""
    with open(os.path.join(tmp, f"{name}.out"), "w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    STARTED.append(process)
    return process


def wait_served(process, port, tmp, name):
    try:
        probe.wait_until_served(port, PAGE, 20)
    except Exception:
        with open(os.path.join(tmp, f"{name}.out")) as out:
            raise RuntimeError(f"{name} did not serve {PAGE}:\n{out.read()}") from None


class Ausweg:
    name = "ausweg"

    def __init__(self, binary, content, tmp, cert, key):
        self.binary, self.content, self.tmp = binary, content, tmp
        self.cert, self.key = cert, key
        self.process = None
        self.port = None
        self.startup = None

    def start(self, workers, cpu):
        self.port = free_port()
        command = [
            "taskset", "-c", cpu, self.binary,
            "--HTTPSPort", f"127.0.0.1:{self.port}", "--HTTPPort", "0",
            "--StateDir", os.path.join(self.tmp, "state"), "--Workers", str(workers),
            "--ContentDir", self.content,
            "--CertificateFile", self.cert, "--CertificateKeyFile", self.key,
        ]
        started = time.monotonic()
        self.process = launch(command, self.tmp, self.name)
        wait_served(self.process, self.port, self.tmp, self.name)
        self.startup = time.monotonic() - started

    def pids(self):
        return [self.process.pid]

    def stop(self):
        stop(self.process)
        STARTED.remove(self.process)


NGINX_CONF = """\
load_module /usr/lib/nginx/modules/ngx_http_headers_more_filter_module.so;
worker_processes {workers};
worker_rlimit_nofile 16384;
daemon off;
master_process on;
pid {prefix}/nginx.pid;
error_log stderr warn;
events {{
    worker_connections 4096;
}}
http {{
    access_log off;
    client_body_temp_path {prefix}/temp;
    proxy_temp_path {prefix}/temp;
    fastcgi_temp_path {prefix}/temp;
    uwsgi_temp_path {prefix}/temp;
    scgi_temp_path {prefix}/temp;
    server_tokens off;
    etag off;
    max_ranges 0;
    types {{}}
    default_type "{content_type}";
    gzip_static on;
    gzip_vary on;
    open_file_cache max=64 inactive=600s;
    open_file_cache_valid 600s;
    keepalive_timeout 30s;
    keepalive_requests 100000000;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers {ciphers};
    ssl_prefer_server_ciphers on;
    ssl_ecdh_curve X25519:P-256:P-384;
    ssl_session_cache off;
    ssl_session_tickets off;
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        root {prefix}/root;
        more_clear_headers Server Date Last-Modified;
{add_headers}
    }}
}}
"""

TLS12_CIPHERS = ":".join([
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
])
# Fields nginx writes itself: the type from default_type, the length, and
# gzip_static's Content-Encoding and Vary.
NGINX_OWN_FIELDS = {"content-type", "content-length", "content-encoding", "vary", "connection"}
# nginx adds this line to every keep-alive answer and cannot be told not to;
# its Padding field is shorter by as much, so both send as many bytes.
NGINX_KEEP_ALIVE_LINE = "Connection: keep-alive\r\n"


class Nginx:
    name = "nginx"

    def __init__(self, tmp, cert, key, fields, gzipped, plain):
        self.tmp = tmp
        self.prefix = os.path.join(tmp, "nginx")
        self.cert, self.key, self.fields = cert, key, fields
        self.process = None
        self.port = None
        self.startup = None
        page_dir = os.path.join(self.prefix, "root", os.path.dirname(PAGE).lstrip("/"))
        os.makedirs(page_dir, exist_ok=True)
        os.makedirs(os.path.join(self.prefix, "temp"), exist_ok=True)
        page = os.path.join(self.prefix, "root", PAGE.lstrip("/"))
        with open(page + ".gz", "wb") as out:
            out.write(gzipped)
        with open(page, "wb") as out:
            out.write(plain)

    def config(self, workers):
        headers = []
        for name, value in self.fields:
            if name.lower() in NGINX_OWN_FIELDS:
                continue
            if any(c in value for c in '"\\$'):
                raise ValueError(f"cannot quote {name} for nginx")
            if name.lower() == "padding":
                value = value[len(NGINX_KEEP_ALIVE_LINE):]
            headers.append(f'        add_header {name} "{value}";')
        content_type = next(v for n, v in self.fields if n.lower() == "content-type")
        return NGINX_CONF.format(
            workers=workers, prefix=self.prefix, port=self.port, cert=self.cert,
            key=self.key, ciphers=TLS12_CIPHERS, content_type=content_type,
            add_headers="\n".join(headers))

    def start(self, workers, cpu):
        self.port = free_port()
        conf = os.path.join(self.prefix, "nginx.conf")
        with open(conf, "w") as out:
            out.write(self.config(workers))
        command = ["taskset", "-c", cpu, "nginx", "-p", self.prefix, "-c", conf, "-e", "stderr"]
        started = time.monotonic()
        self.process = launch(command, self.tmp, self.name)
        wait_served(self.process, self.port, self.tmp, self.name)
        self.startup = time.monotonic() - started
        deadline = time.monotonic() + 10
        while len(children(self.process.pid)) < workers:
            if time.monotonic() > deadline:
                raise RuntimeError("nginx workers did not start")
            time.sleep(0.01)

    def pids(self):
        return [self.process.pid] + children(self.process.pid)

    def stop(self):
        stop(self.process)
        STARTED.remove(self.process)
