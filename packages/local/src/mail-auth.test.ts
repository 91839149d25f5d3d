import { describe, expect, it } from "vitest";
import { fakeDns } from "../../../test/support/dns";
import { rawMail } from "../../../test/support/mail";
import { checkSender, type DNSResolver } from "./mail-auth";

const connection = { ip: "192.0.2.10", helo: "mail.customer.example", sender: "carla@customer.example" };

describe("checking a sender locally (mailauth)", () => {
  it("passes DKIM and DMARC for a message signed by the From domain, and fails them for a forged one", async () => {
    const dns = fakeDns();
    const sign = dns.dkimKey("customer.example");
    dns.txt.set("_dmarc.customer.example", "v=DMARC1; p=reject");
    const signed = await sign(await rawMail({ subject: "Re: [#1] signed" }));
    expect(await checkSender(signed, connection, dns.resolve)).toEqual({ spf: "none", dkim: "pass", dmarc: "pass", dkimDomain: "customer.example" });

    // The same signature over another text, and a message with no signature at all.
    const tampered = Buffer.from(signed.toString("utf8").replace("two weeks ago", "three weeks ago"));
    // mailauth calls a body that does not match its signature "neutral" (the signature says nothing), not "pass".
    expect(await checkSender(tampered, connection, dns.resolve)).toEqual({ spf: "none", dkim: "neutral", dmarc: "fail" });
    expect(await checkSender(await rawMail(), connection, dns.resolve)).toEqual({ spf: "none", dkim: "none", dmarc: "fail" });

    // Signed by another domain: DKIM passes, but for no From domain, so DMARC fails.
    const signedElsewhere = await dns.dkimKey("evil.example")(await rawMail());
    const elsewhere = await checkSender(signedElsewhere, connection, dns.resolve);
    expect(elsewhere).toEqual({ spf: "none", dkim: "pass", dmarc: "fail" });

    // No DMARC record: a DKIM pass of the From domain is reported with its domain.
    dns.txt.delete("_dmarc.customer.example");
    expect(await checkSender(signed, connection, dns.resolve)).toEqual({ spf: "none", dkim: "pass", dmarc: "none", dkimDomain: "customer.example" });
  });

  it("is a temperror, never a failure to receive, when DNS fails or does not answer", async () => {
    const dns = fakeDns();
    const signed = await dns.dkimKey("customer.example")(await rawMail());
    const broken: DNSResolver = async () => {
      throw Object.assign(new Error("queryTxt ETIMEOUT"), { code: "ETIMEOUT" });
    };
    expect(await checkSender(signed, connection, broken)).toMatchObject({ dkim: "temperror", dmarc: "temperror" });
    // A DNS that never answers: the check gives up after 5 s and the mail goes on.
    const silent: DNSResolver = () => new Promise(() => {});
    const started = Date.now();
    expect(await checkSender(signed, connection, silent)).toEqual({ spf: "temperror", dkim: "temperror", dmarc: "temperror" });
    expect(Date.now() - started).toBeLessThan(6000);
  });
});
