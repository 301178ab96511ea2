/// The one list of every behaviour the fake assumed where the API facts say INFERRED, LOW or UNKNOWN.
/// Each API area keeps its entries in `AssumptionRegistry+<Area>.swift` beside this file; the contract kit has a
/// check per entry that tells, on a real tenant, whether it holds.
public enum AssumptionRegistry {
    /// All assumptions, by area.
    public static var all: [Assumption] {
        gateway + binding + tokenManager + assetManagement + files + timeSeries + aggregates + scenario
            + timeSeriesBulk
    }

    /// The assumptions a user can switch between alternatives, in registry order.
    public static var switchable: [Assumption] {
        all.filter(\.isSwitchable)
    }

    /// The assumption with `id`.
    public static func assumption(_ id: String) -> Assumption? {
        all.first { $0.id == id }
    }
}
