// An Open Badge checked the way a third-party verifier checks it, with the Decentralized Identity Foundation's
// did-jwt (npm): the VC-JWT's signature against the key its did:web issuer publishes (assertionMethod), then the
// Bitstring Status List credential it points to (W3C), read bit by bit. Nothing here comes from the platform's code.
//
//   node verify_open_badge.mjs BADGE.jwt DID.json STATUS_LIST.jwt
//
// The DID document and the status list are given as files, fetched by the caller from /.well-known/did.json and
// the badge's statusListCredential: a did:web resolves over HTTPS, which a test server does not have.
// Prints {"issuer", "subject", "achievement", "revoked"} as JSON, or exits 1 with the reason.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { verifyJWT } from "did-jwt";
import { Resolver } from "did-resolver";

const [badgePath, didPath, statusPath] = process.argv.slice(2);
const didDocument = JSON.parse(readFileSync(didPath, "utf8"));
const resolver = new Resolver({
  web: async (did) => ({
    didResolutionMetadata: did === didDocument.id ? { contentType: "application/did+json" } : { error: "notFound" },
    didDocument: did === didDocument.id ? didDocument : null,
    didDocumentMetadata: {},
  }),
});

async function verified(path) {
  const { payload, issuer } = await verifyJWT(readFileSync(path, "utf8").trim(), {
    resolver,
    proofPurpose: "assertionMethod",
    policies: { aud: false },
  });
  return { payload, issuer };
}

try {
  const badge = await verified(badgePath);
  if (!badge.payload.type?.includes("OpenBadgeCredential")) throw new Error("not an OpenBadgeCredential");
  const status = badge.payload.credentialStatus;
  const list = await verified(statusPath);
  if (list.payload.id !== status.statusListCredential) throw new Error("not the badge's status list");
  if (list.issuer !== badge.issuer) throw new Error("the status list has another issuer");
  const encoded = list.payload.credentialSubject.encodedList;
  if (!encoded.startsWith("u")) throw new Error("the status list is not base64url multibase");
  const bits = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
  const index = Number(status.statusListIndex);
  const revoked = (bits[Math.floor(index / 8)] & (0x80 >> index % 8)) !== 0;
  const subject = badge.payload.credentialSubject;
  console.log(JSON.stringify({ issuer: badge.issuer, subject: subject.id ?? null,
                               achievement: subject.achievement.name, revoked }));
} catch (error) {
  console.error(`not verified: ${error.message}`);
  process.exit(1);
}
