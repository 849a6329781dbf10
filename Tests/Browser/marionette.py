"""A small client for Firefox's built-in Marionette protocol, enough for the
browser tests: Debian 12 ships Firefox ESR without geckodriver.

Marionette speaks JSON over TCP, each message prefixed by its length in
ASCII digits and a colon. A command is [0, id, name, parameters]; the
answer is [1, id, error, result]. On connecting, the server first sends a
greeting naming its protocol level. Every read has a time limit, so a
Firefox that hangs fails the test instead of stopping the suite.
"""

import json
import socket
import time

# The key WebDriver gives an element reference in JSON (WebDriver section 12.1).
ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"
PROTOCOL_LEVEL = 3
# The Tab key's value in the WebDriver specification's table of keys.
TAB = "\ue004"
COMMAND_LIMIT = 60
CONNECT_LIMIT = 30


class MarionetteError(Exception):
    """Firefox answered a command with an error, or the protocol broke."""

    def __init__(self, command, error):
        self.command = command
        self.error = error
        super().__init__(f"{command}: {error}")


class Element:
    """A reference to an element of the current page."""

    def __init__(self, session, reference):
        self.session = session
        self.id = reference

    def rect(self):
        """{"x", "y", "width", "height"} in CSS pixels, relative to the page."""
        return self.session.command("WebDriver:GetElementRect", id=self.id)

    def attribute(self, name):
        return self.session.value("WebDriver:GetElementAttribute", id=self.id, name=name)

    def property(self, name):
        return self.session.value("WebDriver:GetElementProperty", id=self.id, name=name)

    def displayed(self):
        return self.session.value("WebDriver:IsElementDisplayed", id=self.id)

    def selected(self):
        return self.session.value("WebDriver:IsElementSelected", id=self.id)

    def click(self):
        self.session.command("WebDriver:ElementClick", id=self.id)

    def send_keys(self, text):
        """Focuses the element and types `text` into it, key by key."""
        self.session.command("WebDriver:ElementSendKeys", id=self.id, text=text)


class Client:
    """One connection to one Firefox's Marionette server."""

    def __init__(self, port, limit=CONNECT_LIMIT):
        self.socket = self.connect(port, limit)
        self.buffer = b""
        self.next_id = 0
        greeting = self.receive()
        if greeting.get("marionetteProtocol") != PROTOCOL_LEVEL:
            raise MarionetteError("greeting", f"unexpected protocol: {greeting}")

    @staticmethod
    def connect(port, limit):
        """Connects once Firefox listens: it opens the port a few seconds after
        starting."""
        deadline = time.monotonic() + limit
        while True:
            try:
                connection = socket.create_connection(("127.0.0.1", port), timeout=1)
                connection.settimeout(COMMAND_LIMIT)
                return connection
            except OSError:
                if time.monotonic() > deadline:
                    raise MarionetteError("connect", f"nothing listens on {port}") from None
                time.sleep(0.2)

    def close(self):
        self.socket.close()

    def send(self, message):
        data = json.dumps(message).encode()
        self.socket.sendall(str(len(data)).encode() + b":" + data)

    def receive(self):
        while b":" not in self.buffer:
            self.read_more()
        length, _, rest = self.buffer.partition(b":")
        size = int(length)
        self.buffer = rest
        while len(self.buffer) < size:
            self.read_more()
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return json.loads(data)

    def read_more(self):
        chunk = self.socket.recv(65536)
        if not chunk:
            raise MarionetteError("receive", "Firefox closed the connection")
        self.buffer += chunk

    def command(self, name, /, **parameters):
        """Sends a command and returns its result, or raises its error."""
        self.next_id += 1
        self.send([0, self.next_id, name, parameters])
        kind, answer_id, error, result = self.receive()
        if kind != 1 or answer_id != self.next_id:
            raise MarionetteError(name, f"answer out of order: {kind} {answer_id}")
        if error is not None:
            raise MarionetteError(name, f"{error.get('error')}: {error.get('message')}")
        return result


class Session:
    """A WebDriver session on a Marionette connection."""

    def __init__(self, client, capabilities=None):
        self.client = client
        always = {"pageLoadStrategy": "normal", "timeouts": {"pageLoad": 30000}}
        always.update(capabilities or {})
        result = client.command(
            "WebDriver:NewSession", capabilities={"alwaysMatch": always})
        self.id = result["sessionId"]
        self.capabilities = result["capabilities"]

    def command(self, name, /, **parameters):
        return self.client.command(name, **parameters)

    def value(self, name, /, **parameters):
        return self.command(name, **parameters)["value"]

    def navigate(self, url):
        self.command("WebDriver:Navigate", url=url)

    def url(self):
        return self.value("WebDriver:GetCurrentURL")

    def title(self):
        return self.value("WebDriver:GetTitle")

    def find(self, selector):
        """The first element matching a CSS selector; raises if none does."""
        found = self.value("WebDriver:FindElement", using="css selector", value=selector)
        return Element(self, found[ELEMENT_KEY])

    def find_all(self, selector):
        found = self.command("WebDriver:FindElements", using="css selector", value=selector)
        return [Element(self, item[ELEMENT_KEY]) for item in found]

    def active_element(self):
        return Element(self, self.value("WebDriver:GetActiveElement")[ELEMENT_KEY])

    def press(self, *keys):
        """Presses and releases keys in turn, as a keyboard would."""
        events = []
        for key in keys:
            events += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self.command("WebDriver:PerformActions",
                     actions=[{"type": "key", "id": "keyboard", "actions": events}])
        self.command("WebDriver:ReleaseActions")

    def execute(self, script, *arguments):
        """Runs a script and returns its value: in the content context in a
        sandbox of Marionette's own, which runs even with javascript.enabled
        false, while the page's own scripts stay off."""
        return self.value("WebDriver:ExecuteScript", script=script, args=list(arguments))

    def set_context(self, context):
        """"content" for the page, "chrome" for the browser window itself."""
        self.command("Marionette:SetContext", value=context)

    def window_rect(self):
        return self.command("WebDriver:GetWindowRect")

    def set_window_rect(self, width, height):
        return self.command("WebDriver:SetWindowRect", width=width, height=height)

    def quit(self):
        """Asks Firefox to quit as a user would, writing its profile out; the
        connection closes with it."""
        return self.command("Marionette:Quit", flags=["eAttemptQuit"])
