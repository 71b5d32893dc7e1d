"""Certificates as Open Badges 3.0 credentials: the platform as issuer, VC-JWT signing and the revocation list.

See docs/certificates.md for why a VC-JWT (and not a Data Integrity proof) and why ``did:web``.
"""
