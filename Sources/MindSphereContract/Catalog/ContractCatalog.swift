import Foundation
import HTTPTypes

/// Every contract check the kit has, in run order (token first, then Asset Management, Time Series, fake-only).
public enum ContractCatalog {
    /// All checks.
    public static var all: [ContractCheck] {
        TokenManagerChecks.all + GatewayChecks.all + AssetManagementChecks.all + AssetManagementAssumptionChecks.all
            + AssetManagementFileChecks.all
            + TimeSeriesChecks.all + TimeSeriesAssumptionChecks.all + AggregatesChecks.all + ClockChecks.all + ScenarioAssumptionChecks.all
            + TimeSeriesPatchChecks.all + TimeSeriesBulkChecks.all
    }

    /// The ids of the assumptions the checks verify.
    public static var verifiedAssumptions: Set<String> {
        Set(all.flatMap(\.verifies))
    }
}
