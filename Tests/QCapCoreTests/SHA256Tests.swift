import Foundation
import Testing

@testable import QCapCore

@Suite struct SHA256Tests {
    @Test func fips180Vectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
            ) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionA() {
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { h.update(chunk) }
        #expect(h.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(
            SHA256.hex(bytes: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func splitUpdatesMatchOneShot() {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let expected = SHA256.hash(message)
        for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 500, 999, 1000] {
            var h = SHA256()
            h.update(message[0..<split])
            h.update(data: Data(message[split...]))
            #expect(h.finalize() == expected, "split at \(split)")
        }
        // Byte at a time, through a non-contiguous sequence.
        var h = SHA256()
        for b in message { h.update(CollectionOfOne(b)) }
        #expect(h.finalize() == expected)
        var lazy = SHA256()
        lazy.update(message.lazy.map { $0 })
        #expect(lazy.finalize() == expected)
    }

    @Test func finalizeDoesNotConsumeState() {
        var h = SHA256()
        h.update(string: "ab")
        _ = h.finalize()
        h.update(string: "c")
        #expect(h.finalize() == SHA256.hash(Array("abc".utf8)))
        #expect(SHA256.hash(data: Data("abc".utf8)) == SHA256.hash(Array("abc".utf8)))
        #expect(SHA256.hexString([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(SHA256.hash([]).count == SHA256.digestByteCount)
    }

    @Test func utf8Strings() {
        #expect(SHA256.hex("中文") == "72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21")
    }
}
