import { generateKeyPairSync } from "node:crypto";
import { dkimSign } from "mailauth";

/**
 * DNS for checking senders without a network: TXT records the test sets (a DKIM key, a DMARC policy); any other name
 * does not exist, as a real resolver would answer.
 */
export function fakeDns() {
  const txt = new Map<string, string>();
  const resolve = async (name: string, rrtype: string): Promise<string[][]> => {
    const value = rrtype === "TXT" ? txt.get(name.toLowerCase()) : undefined;
    if (value === undefined) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: "ENOTFOUND" });
    return [[value]];
  };
  /** A fresh RSA key for `domain`, published under `selector`; returns a function that signs a raw message with it. */
  const dkimKey = (domain: string, selector = "test") => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    txt.set(`${selector}._domainkey.${domain}`, `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`);
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    return async (raw: Buffer) => {
      const signed = await dkimSign(raw, { signatureData: [{ signingDomain: domain, selector, privateKey: pem }] } as Parameters<typeof dkimSign>[1]);
      return Buffer.concat([Buffer.from(signed.signatures), raw]);
    };
  };
  return { txt, resolve, dkimKey };
}
