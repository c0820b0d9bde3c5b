#!/usr/bin/env python3
"""Writes a COSE_Sign1 fixture made by pycose, an implementation independent of ours.

Signs a small CBOR payload with the RFC 8032 test vector 1 Ed25519 key (alg EdDSA, kid and
content type in the protected header, payload attached) and writes:

  protocol/tests/fixtures/pycose_sign1.cbor   the tagged COSE_Sign1 bytes
  protocol/tests/fixtures/pycose_sign1.json   public key, kid, content type and payload (hex)

Ed25519 signatures are deterministic, so running this again gives the same bytes.

Usage: python tools/cose/make_fixture.py [OUTPUT_DIR]
"""

import json
import pathlib
import sys

import cbor2
from pycose.algorithms import EdDSA
from pycose.headers import KID, Algorithm, ContentType
from pycose.keys import OKPKey
from pycose.keys.curves import Ed25519
from pycose.messages import Sign1Message

# RFC 8032, section 7.1, TEST 1.
SECRET_KEY = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
PUBLIC_KEY = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
KEY_ID = b"pycose-test-node"
CONTENT_TYPE = "application/ncen-record+cbor"


def main() -> int:
    root = pathlib.Path(__file__).resolve().parents[2]
    out_dir = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "protocol/tests/fixtures"
    out_dir.mkdir(parents=True, exist_ok=True)

    payload = cbor2.dumps({"kind": "seizure", "country": "NL", "quantity": 42, "unit": "KGM"})

    msg = Sign1Message(
        phdr={Algorithm: EdDSA, KID: KEY_ID, ContentType: CONTENT_TYPE},
        payload=payload,
    )
    msg.key = OKPKey(crv=Ed25519, d=SECRET_KEY, x=PUBLIC_KEY)
    envelope = msg.encode(tag=True)

    (out_dir / "pycose_sign1.cbor").write_bytes(envelope)
    meta = {
        "generator": "tools/cose/make_fixture.py (pycose)",
        "public_key_hex": PUBLIC_KEY.hex(),
        "kid_hex": KEY_ID.hex(),
        "content_type": CONTENT_TYPE,
        "payload_hex": payload.hex(),
    }
    (out_dir / "pycose_sign1.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {len(envelope)} bytes to {out_dir / 'pycose_sign1.cbor'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
