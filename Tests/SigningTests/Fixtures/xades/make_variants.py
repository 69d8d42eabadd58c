#!/usr/bin/env python3
"""Derives XAdES variants from a valid enveloped signature, re-signing them with the signer's
PKCS#12 so that only the intended defect remains. Uses the reference checker's own reference
computation (check._ref_octets) for the digests.

Usage: make_variants.py CHECK_PY SIGNED.xml SIGNER.p12 PASSWORD OUT_DIR [VARIANT ...]
Writes OUT_DIR/<variant>.xml (all variants, or only those named) and prints the names written,
one per line. When SIGNER.p12 holds another certificate than the signature's, the signature is
moved to it first (KeyInfo, CertDigest; IssuerSerialV2 dropped) - e.g. to sign with an expired
certificate that the product refuses to use.
"""
import base64
import copy
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[1])))
import check  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils  # noqa: E402
from cryptography.hazmat.primitives.serialization import pkcs12  # noqa: E402
from lxml import etree  # noqa: E402

DS = check.DS
XADES = "http://uri.etsi.org/01903/v1.3.2#"
URI = {"sha1": "http://www.w3.org/2000/09/xmldsig#sha1", "sha256": "http://www.w3.org/2001/04/xmlenc#sha256",
       "sha512": "http://www.w3.org/2001/04/xmlenc#sha512"}
C14N_INCL = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
C14N_EXC = "http://www.w3.org/2001/10/xml-exc-c14n#"

check_py, signed_path, p12_path, password, out_dir = sys.argv[1:6]
wanted = set(sys.argv[6:])
key, cert, extra = pkcs12.load_key_and_certificates(open(p12_path, "rb").read(), password.encode())
is_rsa = isinstance(key, rsa.RSAPrivateKey)
signer_der = cert.public_bytes(serialization.Encoding.DER)


def ds(tag):
    return "{%s}%s" % (DS, tag)


def xades(tag):
    return "{%s}%s" % (XADES, tag)


def load():
    root = etree.fromstring(open(signed_path, "rb").read(), check._xml_parser())
    sig = check._top_level_signatures(root)[0]
    x509data = sig.find(ds("KeyInfo")).find(ds("X509Data"))
    certs = x509data.findall(ds("X509Certificate"))
    if base64.b64decode(certs[0].text) != signer_der:
        for c in certs:
            x509data.remove(c)
        for c in [cert] + list(extra or []):
            el = etree.SubElement(x509data, ds("X509Certificate"))
            el.text = base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode()
        set_cert_digest(sig, "sha256", signer_der)
        issuer_serial = sig.find(".//" + xades("IssuerSerialV2"))
        if issuer_serial is not None:
            issuer_serial.getparent().remove(issuer_serial)
    return root, sig


def resign(root, sig, hash_name="sha256"):
    si = sig.find(ds("SignedInfo"))
    for r in si.findall(ds("Reference")):
        alg = check.XML_DIGESTS[r.find(ds("DigestMethod")).get("Algorithm")]
        try:
            octets = check._ref_octets(root, sig, r, None)
        except ValueError:  # target removed on purpose: keep the old digest
            continue
        r.find(ds("DigestValue")).text = base64.b64encode(check._hash(alg, octets)).decode()
    cm = si.find(ds("CanonicalizationMethod")).get("Algorithm")
    exclusive, wc = check.C14N[cm]
    data = etree.tostring(si, method="c14n", exclusive=exclusive, with_comments=wc)
    h = check.HASHES[hash_name]()
    if is_rsa:
        value = key.sign(data, padding.PKCS1v15(), h)
    else:
        r_, s_ = utils.decode_dss_signature(key.sign(data, ec.ECDSA(h)))
        size = (key.curve.key_size + 7) // 8
        value = r_.to_bytes(size, "big") + s_.to_bytes(size, "big")
    sig.find(ds("SignatureValue")).text = base64.b64encode(value).decode()


def save(name, root):
    if wanted and name not in wanted:
        return
    with open(os.path.join(out_dir, name + ".xml"), "wb") as f:
        f.write(etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8"))
    print(name)


def method(hash_name):
    family = "rsa" if is_rsa else "ecdsa"
    base = "http://www.w3.org/2000/09/xmldsig#" if (hash_name == "sha1" and is_rsa) else "http://www.w3.org/2001/04/xmldsig-more#"
    return base + "%s-%s" % (family, hash_name)


def set_cert_digest(sig, hash_name, der):
    cd = sig.find(".//" + xades("CertDigest"))
    cd.find(ds("DigestMethod")).set("Algorithm", URI[hash_name])
    cd.find(ds("DigestValue")).text = base64.b64encode(check._hash(hash_name, der)).decode()


# The valid signature re-signed unchanged (checks the script itself).
root, sig = load()
resign(root, sig)
save("resigned", root)

# SHA-1 everywhere: SignatureMethod, references, CertDigest.
root, sig = load()
sig.find(ds("SignedInfo")).find(ds("SignatureMethod")).set("Algorithm", method("sha1"))
for dm in sig.find(ds("SignedInfo")).iter(ds("DigestMethod")):
    dm.set("Algorithm", URI["sha1"])
set_cert_digest(sig, "sha1", signer_der)
resign(root, sig, "sha1")
save("sha1", root)

# SHA-512 digests with a SHA-512 signature: strong, valid.
root, sig = load()
sig.find(ds("SignedInfo")).find(ds("SignatureMethod")).set("Algorithm", method("sha512"))
for dm in sig.find(ds("SignedInfo")).iter(ds("DigestMethod")):
    dm.set("Algorithm", URI["sha512"])
resign(root, sig, "sha512")
save("sha512", root)

# No Reference to SignedProperties.
root, sig = load()
si = sig.find(ds("SignedInfo"))
for r in si.findall(ds("Reference")):
    if r.get("Type") == check.SIGNED_PROPS_TYPE:
        si.remove(r)
resign(root, sig)
save("signed-properties-unreferenced", root)

# SignedProperties removed altogether (the reference then points at nothing).
root, sig = load()
sp = sig.find(".//" + xades("SignedProperties"))
sp.getparent().remove(sp)
resign(root, sig)
save("signed-properties-removed", root)

# QualifyingProperties bound to another signature.
root, sig = load()
sig.find(".//" + xades("QualifyingProperties")).set("Target", "#altra-firma")
resign(root, sig)
save("target-mismatch", root)

# No SigningCertificateV2.
root, sig = load()
scv2 = sig.find(".//" + xades("SigningCertificateV2"))
scv2.getparent().remove(scv2)
resign(root, sig)
save("signing-certificate-missing", root)

# SigningCertificateV2 of another certificate (not in KeyInfo).
root, sig = load()
set_cert_digest(sig, "sha256", b"un altro certificato")
resign(root, sig)
save("signing-certificate-mismatch", root)

# SignatureValue altered.
root, sig = load()
sv = sig.find(ds("SignatureValue"))
raw = bytearray(base64.b64decode(sv.text))
raw[len(raw) // 2] ^= 0x01
sv.text = base64.b64encode(bytes(raw)).decode()
save("signature-value-altered", root)

# No certificate in KeyInfo (and none in the signature).
root, sig = load()
ki = sig.find(ds("KeyInfo"))
sig.remove(ki)
resign(root, sig)
save("key-info-removed", root)

# Intermediate first, signer second in KeyInfo.
root, sig = load()
x509data = sig.find(ds("KeyInfo")).find(ds("X509Data"))
certs = x509data.findall(ds("X509Certificate"))
for c in certs:
    x509data.remove(c)
for c in reversed(certs):
    x509data.append(c)
resign(root, sig)
save("certificates-reordered", root)

# Inclusive C14N with comments for SignedInfo, references without explicit C14N.
root, sig = load()
si = sig.find(ds("SignedInfo"))
si.find(ds("CanonicalizationMethod")).set("Algorithm", C14N_INCL + "#WithComments")
for r in si.findall(ds("Reference")):
    for t in r.iter(ds("Transform")):
        if t.get("Algorithm") == C14N_EXC:
            t.getparent().remove(t)
    ts = r.find(ds("Transforms"))
    if ts is not None and len(ts) == 0:
        r.remove(ts)
resign(root, sig)
save("inclusive-c14n", root)

# SigningTime with an offset and fractional seconds.
root, sig = load()
sig.find(".//" + xades("SigningTime")).text = "2026-11-23T11:19:00.250+01:00"
resign(root, sig)
save("signing-time-offset", root)

# Data changed after signing (reference digest mismatch, signature still over SignedInfo).
root, sig = load()
for el in root.iter():
    if isinstance(el.tag, str) and el.text and "162.01" in el.text:
        el.text = el.text.replace("162.01", "1162.01")
save("data-changed", root)
