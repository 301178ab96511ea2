@testable import MindSphereFake

extension Router {
    /// A router of Asset Management's routes over `store`, its lists answered through the indexes (the fast path)
    /// or by scanning every asset (the general twin), for tests that hold the two against each other.
    static func assetManagement(store: AssetStore, listsThroughIndexes: Bool = true) -> Router {
        var router = Router()
        router.add(contentsOf: AssetManagementAPI(store: store, listsThroughIndexes: listsThroughIndexes).routes)
        return router
    }
}
