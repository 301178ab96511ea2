@testable import MindSphereFake

/// A resource with fixed fields for the filter target: every condition kind meets text, null and unknown fields.
struct FilterFuzzSubject: FilterSubject {
    let fields: [String: String]
    var filterTypeID: String? { fields["typeId"] }

    func filterValue(_ field: String) -> FilterFieldValue {
        if field == "externalId" { return .null }
        return fields[field].map(FilterFieldValue.text) ?? .unknownField
    }
}
