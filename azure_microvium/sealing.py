"""Sealed secrets: connection strings travel in the image encrypted, with a key that is not.

An image is the program's heap, so whatever the program keeps (a database connection string in a
closure) is in it. Anyone who gets the image file gets those values. With a seal key, the
deploy-time host hands the program a *sealed token* instead of the connection string:

    mvcsealed:v1:<key id>:<base64url(nonce || AES-256-GCM ciphertext and tag)>

and the run-time host unseals it with the same key, which the host is given separately: the
environment variable MVC_SEAL_KEY (a local `mvc dev`, or an Azure app setting that `mvc deploy
--target azure` writes). A leaked image then holds only ciphertext. docs/security.md says how to
make and keep the key.

- The key is 32 random bytes in base64 (`python -m azure_microvium.sealing` prints a new one).
  The encryption key and the nonce key are derived from it with HMAC-SHA256.
- Sealing is deterministic: the nonce is HMAC(nonce key, plaintext)[:12] (a synthetic IV), so an
  unchanged program deployed again with the same key gives a byte-identical image, and a nonce
  never repeats for two different plaintexts. Equal plaintexts give equal tokens (that much
  leaks: which databases share a connection string).
- The key id (8 hex digits of HMAC(key, "id")) says which key sealed a token, so unsealing with
  another key fails with a clear message instead of a bare authentication error.
- The key is never written to the image, a log or an error message.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import sys
import threading
from collections.abc import Mapping

ENV = "MVC_SEAL_KEY"
PREFIX = "mvcsealed:v1:"
_AAD = b"azure-microvium sealed secret v1"


class SealError(Exception):
    """A key that is not a key, or a token that this key cannot open."""


def new_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def parse_key(text: str) -> bytes:
    raw = text.strip()
    try:
        key = base64.b64decode(raw + "=" * (-len(raw) % 4), altchars=b"-_" if (
            "-" in raw or "_" in raw) else None, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        # Never echo the value: it may be a real key with a typo.
        raise SealError(f"{ENV} must be 32 bytes in base64 (python -m azure_microvium.sealing "
                        "prints a new key)")
    return key


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


class Sealer:
    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise SealError("a seal key is 32 bytes")
        self._enc = hmac.new(key, b"encrypt", hashlib.sha256).digest()
        self._nonce = hmac.new(key, b"nonce", hashlib.sha256).digest()
        self.key_id = hmac.new(key, b"id", hashlib.sha256).hexdigest()[:8]
        self._opened: dict[str, str] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:  # never the key
        return f"Sealer(key id {self.key_id})"

    def seal(self, plaintext: str) -> str:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        data = plaintext.encode("utf-8")
        nonce = hmac.new(self._nonce, data, hashlib.sha256).digest()[:12]
        sealed = AESGCM(self._enc).encrypt(nonce, data, _AAD)
        body = base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")
        return f"{PREFIX}{self.key_id}:{body}"

    def unseal(self, token: str) -> str:
        opened = self._opened.get(token)
        if opened is not None:
            return opened
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if not is_sealed(token):
            raise SealError("not a sealed token")
        key_id, _, body = token[len(PREFIX):].partition(":")
        if key_id != self.key_id:
            raise SealError(f"this secret was sealed with key {key_id}, and {ENV} is key "
                            f"{self.key_id}: run with the key the program was deployed with")
        try:
            raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            if len(raw) < 12 + 16:
                raise ValueError("too short")
            plaintext = AESGCM(self._enc).decrypt(raw[:12], raw[12:], _AAD).decode("utf-8")
        except (InvalidTag, ValueError, binascii.Error):
            raise SealError("a sealed secret in the image is damaged") from None
        with self._lock:
            self._opened[token] = plaintext
        return plaintext


def sealer_from_env(environ: Mapping[str, str] | None = None) -> Sealer | None:
    """The Sealer of MVC_SEAL_KEY, or None when it is unset or empty. Raises SealError."""
    text = (os.environ if environ is None else environ).get(ENV, "")
    return Sealer(parse_key(text)) if text.strip() else None


if __name__ == "__main__":
    sys.stdout.write(new_key() + "\n")
