import QCapCore

/// One figure of the region's view as the builder computes it: its definition, and for an enterprise how much it
/// adds (0: not behind the figure; an enterprise holding two QMS certificates adds 2 to `cert.QMS.inForce`) and what
/// to show beside it when the figure's enterprises are listed (certificate numbers, levels).
struct RegionFigureSpec: Sendable {
    let definition: RegionReport.Figure
    let weight: @Sendable (RegionProfile) -> Int
    let detail: @Sendable (RegionProfile) -> LocalizedText
}

/// An enterprise prepared once for every figure: its certificates sorted by what they count for. A class, so the
/// hundred-odd figure closures that read it share one copy instead of copying its tables at every call.
final class RegionProfile: Sendable {
    let member: RegionCohort.Member
    /// Family id ("" for a certificate whose family is not known) → certificate numbers.
    let inForce: [String: [String]]
    let expiring: [String: [String]]
    let suspended: [String: [String]]
    let withdrawn: [String: [String]]
    let unclassified: [String]
    /// The earliest date the enterprise first held a QMS certificate, if every QMS record says when.
    let qmsFirstHeld: Day?
    let qmsDatesKnown: Bool

    init(member: RegionCohort.Member, asOf: Day, expiringWithinDays: Int, qmsFamily: String) {
        var inForce: [String: [String]] = [:], expiring: [String: [String]] = [:]
        var suspended: [String: [String]] = [:], withdrawn: [String: [String]] = [:]
        var unclassified: [String] = []
        var qmsFirstHeld: Day?
        var qmsDatesKnown = true
        self.member = member
        for certificate in member.certificates {
            let family = certificate.family ?? ""
            let number = certificate.number.isEmpty ? "—" : certificate.number
            if certificate.family == nil { unclassified.append(number) }
            if certificate.isInForce(on: asOf) {
                inForce[family, default: []].append(number)
                if certificate.isExpiring(on: asOf, within: expiringWithinDays) {
                    expiring[family, default: []].append(number + (certificate.expiry.map { " (\($0))" } ?? ""))
                }
            }
            switch certificate.status {
            case .suspended: suspended[family, default: []].append(number)
            case .withdrawn: withdrawn[family, default: []].append(number)
            default: break
            }
            if certificate.family == qmsFamily {
                if let first = certificate.firstHeld {
                    qmsFirstHeld = min(qmsFirstHeld ?? first, first)
                } else {
                    qmsDatesKnown = false
                }
            }
        }
        self.inForce = inForce
        self.expiring = expiring
        self.suspended = suspended
        self.withdrawn = withdrawn
        self.unclassified = unclassified
        self.qmsFirstHeld = qmsFirstHeld
        self.qmsDatesKnown = qmsDatesKnown
    }

    func count(_ table: [String: [String]]) -> Int { table.values.reduce(0) { $0 + $1.count } }

    func all(_ table: [String: [String]]) -> [String] { table.keys.sorted().flatMap { table[$0] ?? [] } }
}
