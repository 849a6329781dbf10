#!/usr/bin/env python3
"""Brings the private Tor network up for manual tries, with one onion
service forwarding to SOCKET (a running ausweg's OnionSocket), and holds it
for at most --hold seconds or until Ctrl-C; then stops every tor by PID.

    python3 tor/testnet/up.py /tmp/onion.sock --hold 600
    curl --socks5-hostname 127.0.0.1:<port> http://<address>/de/
"""

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import network  # noqa: E402

LONGEST_HOLD = 3600


def stop(signal_number, _frame):
    raise KeyboardInterrupt(signal.Signals(signal_number).name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("socket", help="absolute path of the backend's unix socket")
    parser.add_argument("--hold", type=int, default=600, help="seconds, at most 3600")
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, stop)
    directory = tempfile.mkdtemp(prefix="ausweg-tor-")
    net = network.Network(directory)
    try:
        net.start()
        service = net.add_service("service", "unix:" + os.path.abspath(options.socket))
        hostname = service.wait_for_hostname()
        service.publish()
        print(f"SOCKS 127.0.0.1:{net.socks_port}  onion http://{hostname}/", flush=True)
        time.sleep(min(options.hold, LONGEST_HOLD))
    except KeyboardInterrupt:
        pass
    except Exception as error:  # noqa: BLE001 - reported, then torn down
        print(f"up.py: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        net.stop()
        shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
