#!/usr/bin/env python3
"""Verifies one COSE_Sign1 envelope with pycose, an implementation independent of ours.

Usage: python tools/cose/verify.py ENVELOPE_FILE PUBKEY_HEX

Requires alg EdDSA in the protected header and an attached payload. On success prints the
payload in hex and exits 0; on any failure prints the reason to stderr and exits 1.
"""

import sys

from pycose.algorithms import EdDSA
from pycose.headers import Algorithm
from pycose.keys import OKPKey
from pycose.keys.curves import Ed25519
from pycose.messages import CoseMessage, Sign1Message


def verify(envelope: bytes, public_key: bytes) -> bytes:
    msg = CoseMessage.decode(envelope)
    if not isinstance(msg, Sign1Message):
        raise ValueError(f"not a COSE_Sign1 message: {type(msg).__name__}")
    if msg.phdr.get(Algorithm) is not EdDSA:
        raise ValueError(f"protected alg is {msg.phdr.get(Algorithm)!r}, expected EdDSA")
    if msg.payload is None:
        raise ValueError("detached payload")
    msg.key = OKPKey(crv=Ed25519, x=public_key)
    if not msg.verify_signature():
        raise ValueError("bad signature")
    return msg.payload


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], "rb") as f:
            envelope = f.read()
        payload = verify(envelope, bytes.fromhex(sys.argv[2]))
    except Exception as e:  # any failure of an untrusted envelope is a verification failure
        print(f"verification failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(payload.hex())
    return 0


if __name__ == "__main__":
    sys.exit(main())
