"""The site as the browser tests see it: the real `ausweg` binary serving the
repository's content over TLS on loopback, under a host name, behind a
proxy that is the browser's only way out.

Browsers store neither HTTP cache entries nor HSTS for a page with a
certificate error or for an IP address, so a test that looks for such
traces needs a name and a certificate the browser trusts. Each Site makes a
throwaway CA (the test trusts it in the browser's own profile only) and one
certificate for two names:

- `ausweg.test`, the site;
- `exit.test`, the page `ExitURL` points at, served here so that following
  the quick exit reaches something and can be counted.

The proxy (HTTP, with CONNECT for TLS) tunnels these two names to their
loopback servers and refuses everything else, recording what was asked in
`foreign_requests`: a browser feature that reaches out shows up there.
Every process is stopped by its PID when the Site ends.
"""

import http.client
import http.server
import pathlib
import re
import select
import socket
import socketserver
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.parse

HOST = "ausweg.test"
EXIT_HOST = "exit.test"
EXIT_URL = f"https://{EXIT_HOST}/"
STARTUP_LIMIT = 60
STOP_LIMIT = 10
FETCH_LIMIT = 30
TUNNEL_IDLE_LIMIT = 120
CERTIFICATE_DAYS = 30
# A heading word shorter than this is too often a word of every text ("wenn",
# "und") to tell anything about a path that happens to contain it.
SHORTEST_TOPIC_WORD = 5
# What the site is about, in the words a controller would look for in a
# history, beside every heading of every language.
TOPIC_TERMS = ["loverboy", "prostitution", "trafficking", "menschenhandel", "hotline",
               "escape", "notruf", "hilfe"]
EXIT_PAGE = (b"<!doctype html><html lang=en><meta charset=utf-8>"
             b"<title>Weather</title><p>Weather")


def repository_root():
    return pathlib.Path(__file__).resolve().parents[2]


class Site:
    """A context manager: `with Site(root, binary, folder) as site:` serves
    `root`'s content with `binary` until the block ends. `folder` must not
    exist; the CA, the certificate and the server's output are kept there."""

    def __init__(self, root, binary, folder):
        self.root = pathlib.Path(root)
        self.binary = pathlib.Path(binary)
        self.folder = pathlib.Path(folder)
        self.origin = f"https://{HOST}"
        self.exit_url = EXIT_URL
        self.ca_file = self.folder / "ca.pem"
        self.certificate_file = self.folder / "chain.pem"
        self.key_file = self.folder / "key.pem"
        self.output_file = self.folder / "ausweg.txt"
        self.languages = read_languages(self.root / "content/languages.txt")
        self.segments = read_segments(self.root / "content/pages.txt")
        self.server = None
        self.server_port = None
        self.proxy = None
        self.exit_server = None
        self.proxy_port = None

    @staticmethod
    def default():
        """(root, binary): this repository and its debug build."""
        root = repository_root()
        return root, root / ".build/debug/ausweg"

    def __enter__(self):
        require_loopback_only()
        self.folder.mkdir(parents=True)
        try:
            self.make_certificates()
            self.start_exit_server()
            self.start_server()
            self.start_proxy()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exception):
        self.stop()

    @property
    def foreign_requests(self):
        """What the proxy refused, in order: "CONNECT host:port" or
        "METHOD url"."""
        return list(self.proxy.foreign) if self.proxy else []

    def assert_nothing_foreign(self, browser):
        """Fails, naming `browser` and what it asked for, if the proxy
        refused anything: a test class calls this when its browser is done."""
        if self.foreign_requests:
            raise AssertionError(f"{browser} asked for more than the site: "
                                 f"{self.foreign_requests}")

    @property
    def exit_visits(self):
        """How often the exit page itself was asked for."""
        return self.exit_server.visits if self.exit_server else 0

    def page_urls(self, code):
        """Every page of language `code`, in content/pages.txt's order."""
        return [f"{self.origin}/{code}/{segment}" for segment in self.segments]

    def every_page(self):
        """(code, url) of every page of every language."""
        return [(code, url) for code, _ in self.languages for url in self.page_urls(code)]

    def topic_words(self):
        """Lower-case words that tell what the site is about: every word of
        every page heading in every language, and the page names, each also
        as a URL would spell it (percent-encoded)."""
        words = set(TOPIC_TERMS)
        for line in (self.root / "content/pages.txt").read_text().splitlines():
            fields = line.split()
            if len(fields) == 2 and not line.startswith("#"):
                words.add(fields[1])
        for code, _ in self.languages:
            for page in sorted((self.root / "content" / code).glob("*.md")):
                for line in page.read_text().splitlines():
                    if line.startswith("#"):
                        words.update(heading_words(line.lstrip("#")))
        words = {word.lower() for word in words}
        return sorted(words | {urllib.parse.quote(word).lower() for word in words})

    def fetch(self, url, headers=None):
        """(status, {lower-case name: value}, body) of a GET of `url` on
        the site, straight to the server, certificate checked against the
        test CA."""
        parts = urllib.parse.urlsplit(url)
        if parts.hostname != HOST:
            raise ValueError(f"{url} is not on {self.origin}")
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        context = ssl.create_default_context(cafile=str(self.ca_file))
        raw = socket.create_connection(("127.0.0.1", self.server_port), timeout=FETCH_LIMIT)
        connection = http.client.HTTPSConnection(HOST, timeout=FETCH_LIMIT, context=context)
        connection.sock = context.wrap_socket(raw, server_hostname=HOST)
        try:
            connection.request("GET", target, headers=headers or {})
            response = connection.getresponse()
            body = response.read()
            fields = {name.lower(): value for name, value in response.getheaders()}
            return response.status, fields, body
        finally:
            connection.close()

    def make_certificates(self):
        ca_key = self.folder / "ca-key.pem"
        request = self.folder / "request.pem"
        leaf = self.folder / "leaf.pem"
        extensions = self.folder / "leaf.cnf"
        extensions.write_text(
            f"subjectAltName=DNS:{HOST},DNS:{EXIT_HOST}\n"
            "basicConstraints=critical,CA:FALSE\n"
            "keyUsage=critical,digitalSignature\n"
            "extendedKeyUsage=serverAuth\n")
        curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        openssl(["req", "-x509", *curve, "-keyout", ca_key, "-out", self.ca_file,
                 "-days", str(CERTIFICATE_DAYS), "-subj", "/CN=Ausweg browser test CA",
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        openssl(["req", "-new", *curve, "-keyout", self.key_file, "-out", request,
                 "-subj", f"/CN={HOST}"])
        openssl(["x509", "-req", "-in", request, "-CA", self.ca_file, "-CAkey", ca_key,
                 "-CAcreateserial", "-out", leaf, "-days", str(CERTIFICATE_DAYS),
                 "-extfile", extensions])
        # The server refuses a certificate that is not its own issuer unless
        # the chain that vouches for it comes along.
        self.certificate_file.write_bytes(leaf.read_bytes() + self.ca_file.read_bytes())

    def start_exit_server(self):
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.certificate_file, self.key_file)
        self.exit_server = ExitServer(context)
        threading.Thread(target=self.exit_server.serve_forever, daemon=True).start()

    def start_server(self):
        settings = {
            "HTTPSPort": "127.0.0.1:0", "HTTPPort": "0", "Workers": "1",
            "CertificateFile": self.certificate_file, "CertificateKeyFile": self.key_file,
            "ContentDir": self.root / "content", "AudioDir": self.root / ".build-audio",
            "StateDir": self.folder / "state", "ExitURL": EXIT_URL,
        }
        arguments = [str(self.binary), "serve"]
        for key, value in settings.items():
            arguments += ["--" + key, str(value)]
        with open(self.output_file, "wb") as output:
            self.server = subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=output,
                                           stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_LIMIT
        while self.server_port is None:
            printed = self.output_file.read_text(errors="replace")
            found = re.search(r"^ausweg: https on 127\.0\.0\.1:(\d+)$", printed, re.M)
            if found:
                self.server_port = int(found.group(1))
            elif self.server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"ausweg did not start:\n{printed}")
            else:
                time.sleep(0.05)

    def start_proxy(self):
        routes = {(HOST, 443): self.server_port, (EXIT_HOST, 443): self.exit_server.port}
        self.proxy = Proxy(routes)
        self.proxy_port = self.proxy.server_address[1]
        threading.Thread(target=self.proxy.serve_forever, daemon=True).start()

    def stop(self):
        for server in (self.proxy, self.exit_server):
            if server:
                server.shutdown()
                server.server_close()
        if self.server and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(STOP_LIMIT)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()


def serve_for_class(test_class, name):
    """(site, work): this repository's site served until `test_class`'s tests
    end, and a scratch folder, named after `name`, for its browsers; the
    folder is removed after the site stops."""
    work = pathlib.Path(test_class.enterClassContext(
        tempfile.TemporaryDirectory(prefix=f"ausweg-{name}-")))
    root, binary = Site.default()
    return test_class.enterClassContext(Site(root, binary, work / "site")), work


def wait_for(read, limit, done=bool, poll=0.1):
    """Calls `read` until `done(value)` holds or `limit` seconds pass, and
    returns the last value read."""
    deadline = time.monotonic() + limit
    value = read()
    while not done(value) and time.monotonic() < deadline:
        time.sleep(poll)
        value = read()
    return value


def require_loopback_only():
    """Refuses to start a browser test on a host with a way out: the proxy
    records what a browser asks of it, but a browser that connects
    directly (Firefox drops such connections silently when told to stay
    local) would leave no record. `make test-browser` runs the tests in a
    network namespace whose only device is loopback."""
    devices = sorted(name for _, name in socket.if_nameindex())
    if devices != ["lo"]:
        raise RuntimeError(f"network devices {devices}: run the browser tests with "
                           "`make test-browser`, in a namespace with loopback only")


def openssl(arguments):
    subprocess.run(["openssl", *map(str, arguments)], check=True, capture_output=True,
                   timeout=STARTUP_LIMIT)


def read_languages(path):
    """[(code, direction)] from content/languages.txt, in its order."""
    found = []
    for line in path.read_text().splitlines():
        fields = line.split()
        if fields and not line.startswith("#"):
            found.append((fields[0], fields[1]))
    return found


def read_segments(path):
    """Each page's path segment from content/pages.txt: "" for the start
    page, whose path is the language's folder."""
    found = []
    for line in path.read_text().splitlines():
        fields = line.split()
        if len(fields) == 2 and not line.startswith("#"):
            found.append(fields[0].strip("/"))
    return found


def heading_words(heading):
    """The words of a heading; a heading in a script written without spaces
    (Thai, Chinese) is one word."""
    words = re.findall(r"\w+", heading)
    return [word for word in words if len(word) >= SHORTEST_TOPIC_WORD]


class ThreadingServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    # Browsers open many connections at once on start-up.
    request_queue_size = 64

    def __init__(self, handler):
        super().__init__(("127.0.0.1", 0), handler)


    def handle_error(self, request, client_address):
        # A browser that drops a connection it no longer needs is not an
        # error of the test; what it asked for is checked elsewhere.
        pass


class QuietHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *arguments):
        pass

    def answer(self, status, body=b"", content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class ExitServer(ThreadingServer):
    """The page behind ExitURL, over TLS, counting how often it was asked
    for."""

    def __init__(self, context):
        super().__init__(ExitHandler)
        self.socket = context.wrap_socket(self.socket, server_side=True,
                                          do_handshake_on_connect=False)
        self.port = self.server_address[1]
        self.visits = 0
        self.lock = threading.Lock()


class ExitHandler(QuietHandler):
    def do_GET(self):
        if self.path != "/":
            self.answer(404)
            return
        with self.server.lock:
            self.server.visits += 1
        self.answer(200, EXIT_PAGE, "text/html; charset=utf-8")

    def setup(self):
        # The handshake happens here, in the connection's own thread, so
        # that one stalled client does not hold up the accept loop.
        self.request.do_handshake()
        super().setup()


class Proxy(ThreadingServer):
    """An HTTP proxy that tunnels CONNECT to the hosts in `routes`
    ({(host, port): loopback port}) and refuses everything else."""

    def __init__(self, routes):
        super().__init__(ProxyHandler)
        self.routes = routes
        self.foreign = []
        self.lock = threading.Lock()

    def refuse(self, request):
        with self.lock:
            self.foreign.append(request)


class ProxyHandler(QuietHandler):
    def do_CONNECT(self):
        host, _, port = self.path.rpartition(":")
        target = self.server.routes.get((host.lower(), int(port) if port.isdigit() else 0))
        if target is None:
            self.server.refuse(f"CONNECT {self.path}")
            self.answer(403)
            self.close_connection = True
            return
        upstream = socket.create_connection(("127.0.0.1", target))
        self.send_response(200)
        self.end_headers()
        self.wfile.flush()
        try:
            relay(self.connection, upstream)
        finally:
            upstream.close()
        self.close_connection = True

    def refuse_plain(self):
        self.server.refuse(f"{self.command} {self.path}")
        self.answer(403)
        self.close_connection = True

    do_GET = do_POST = do_HEAD = do_PUT = do_OPTIONS = do_DELETE = refuse_plain


def relay(one, other):
    """Copies bytes both ways until either side closes or both are idle for
    TUNNEL_IDLE_LIMIT."""
    sockets = [one, other]
    while True:
        ready, _, _ = select.select(sockets, [], [], TUNNEL_IDLE_LIMIT)
        if not ready:
            return
        for source in ready:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                return
            (other if source is one else one).sendall(data)
