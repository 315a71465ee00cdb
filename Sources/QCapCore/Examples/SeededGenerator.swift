import Foundation

/// SplitMix64: a small, fast, seedable generator, so `qcap init --example --seed S` writes the same files everywhere.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that gives the same sequence for the same seed on every platform.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one purpose (an enterprise, a rubric), derived from the run's seed and a label.
    public init(seed: UInt64, label: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        state = seed ^ hash
    }

    public mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// A normally distributed value (Box–Muller), for spreading ratings around an enterprise's latent quality.
    public mutating func normal(mean: Double, deviation: Double) -> Double {
        let u1 = max(unit(), 1e-12)
        let u2 = unit()
        return mean + deviation * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
