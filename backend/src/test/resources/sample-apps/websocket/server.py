# Sample app: a WebSocket upgrade on /echo echoes each text (and binary) message back; any other
# request answers 200 "websocket echo". Standard library only, as python3-minimal has it.
import base64
import hashlib
import os
import socket
import struct
import threading

ACCEPT_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_HEAD = 16384
MAX_MESSAGE = 1 << 20


def read_exactly(conn, count):
    data = b""
    while len(data) < count:
        chunk = conn.recv(count - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def frame(opcode, payload):
    length = len(payload)
    if length < 126:
        header = struct.pack("!BB", 0x80 | opcode, length)
    elif length < 65536:
        header = struct.pack("!BBH", 0x80 | opcode, 126, length)
    else:
        header = struct.pack("!BBQ", 0x80 | opcode, 127, length)
    return header + payload


def echo(conn):
    while True:
        first, second = read_exactly(conn, 2)
        opcode, length = first & 0x0F, second & 0x7F
        if length == 126:
            length = struct.unpack("!H", read_exactly(conn, 2))[0]
        elif length == 127:
            length = struct.unpack("!Q", read_exactly(conn, 8))[0]
        if length > MAX_MESSAGE:
            conn.sendall(frame(0x8, struct.pack("!H", 1009)))
            return
        mask = read_exactly(conn, 4) if second & 0x80 else bytes(4)
        payload = bytes(byte ^ mask[i % 4] for i, byte in enumerate(read_exactly(conn, length)))
        if opcode == 0x8:
            conn.sendall(frame(0x8, payload[:2]))
            return
        if opcode == 0x9:
            conn.sendall(frame(0xA, payload))
        elif opcode in (0x1, 0x2):
            conn.sendall(frame(opcode, payload))


def handle(conn):
    with conn:
        try:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = conn.recv(4096)
                if not chunk or len(head) > MAX_HEAD:
                    return
                head += chunk
            lines = head.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            headers = dict((name.strip().lower(), value.strip())
                           for name, value in (line.split(":", 1) for line in lines[1:] if ":" in line))
            if path == "/echo" and headers.get("upgrade", "").lower() == "websocket":
                key = headers["sec-websocket-key"].encode("ascii")
                accept = base64.b64encode(hashlib.sha1(key + ACCEPT_GUID).digest()).decode("ascii")
                conn.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").encode("ascii"))
                echo(conn)
            else:
                body = b"websocket echo\n"
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
                             b"Connection: close\r\n\r\n%s" % (len(body), body))
        except (EOFError, OSError, ValueError, KeyError, IndexError):
            pass


server = socket.create_server(("", int(os.environ["PORT"])))
print("listening on", os.environ["PORT"], flush=True)
while True:
    connection, _ = server.accept()
    threading.Thread(target=handle, args=(connection,), daemon=True).start()
