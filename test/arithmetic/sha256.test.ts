import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64, sha256 } from "../../src/arithmetic/sha256.js";
import { cspHashSource } from "../../src/presentation/escape.js";
import { seededRandom } from "../../src/sensitivity/random.js";

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("sha256", () => {
  it("gives the FIPS 180-4 / NIST example digests", () => {
    expect(hex(sha256(utf8("")))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(sha256(utf8("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hex(sha256(utf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(hex(sha256(utf8("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")))).toBe(
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    );
    expect(hex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("agrees with node:crypto at every length around the padding boundaries, and on random bytes", () => {
    const random = seededRandom(7);
    for (const length of [...Array.from({ length: 140 }, (_, n) => n), 1000, 4096, 65_537]) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      expect(hex(sha256(bytes))).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });
});

describe("base64", () => {
  it("pads as RFC 4648 says, and agrees with Node's", () => {
    expect(["", "f", "fo", "foo", "foob", "fooba", "foobar"].map((s) => base64(utf8(s)))).toEqual(["", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"]);
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    expect(base64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});

describe("cspHashSource", () => {
  it("hashes the text as UTF-8, as a browser hashes an inline script", () => {
    const script = "\nconst name = \"Café’s \\u003c/script\\u003e\";\n";
    expect(cspHashSource(script)).toBe(`'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`);
  });
});
