import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct RouterTests {
    private func router() -> Router {
        var router = Router()
        router.add(Route(.get, "/a/{id}", errorShape: .platform, access: .open) { _ in .empty(.ok) })
        router.add(Route(.put, "/a/{id}", errorShape: .platform, access: .open) { _ in .empty(.ok) })
        return router
    }

    /// The parameters `router` binds for a GET of `path`, or `nil` (recorded as an issue) when no route is found.
    private func parameters(_ router: Router, _ path: String) -> PathParameters? {
        guard case .found(_, let parameters) = router.match(method: .get, path: path) else {
            Issue.record("no route found for \(path)")
            return nil
        }
        return parameters
    }

    @Test func literalSegments_compareAsStrings() {
        var router = Router()
        router.add(Route(.get, "/K/{id}", errorShape: .platform, access: .open) { _ in .empty(.ok) })
        guard let parameters = parameters(router, "/\u{212A}/é") else { return }
        #expect(parameters == ["id": "é"])
        if case .notFound = router.match(method: .get, path: "/k/1") {} else { Issue.record("case-insensitive literal") }
        if case .notFound = router.match(method: .get, path: "/Kx/1") {} else { Issue.record("longer literal accepted") }
    }

    @Test func twoParameters_areBoundByName() {
        var router = Router()
        router.add(Route(.get, "/a/{entity}/b/{name}", errorShape: .platform, access: .open) { _ in .empty(.ok) })
        guard let parameters = parameters(router, "/a/one/b/two") else { return }
        #expect(parameters["entity"] == "one" && parameters["name"] == "two" && parameters["id"] == nil)
        #expect(parameters == ["entity": "one", "name": "two"] && parameters != ["entity": "one", "name": "three"])
    }

    @Test func parameters_oneInlineThenMore_areFoundByName() {
        var one = PathParameters(capacity: 1)
        one.bind("id", to: "a")
        #expect(one["id"] == "a" && one["x"] == nil && !one.isEmpty)
        #expect(one == ["id": "a"] && one != ["id": "b"] && one != ["x": "a"] && one != [:])
        var three = PathParameters(capacity: 1)
        for (name, value) in [("a", "1"), ("b", "2"), ("c", "3")] { three.bind(name, to: value) }
        #expect(three["a"] == "1" && three["b"] == "2" && three["c"] == "3" && three["d"] == nil)
        #expect(three == ["a": "1", "b": "2", "c": "3"] && three != ["a": "1", "b": "2"] && three != ["b": "2", "a": "1", "c": "3"])
        #expect(PathParameters(capacity: 3).isEmpty && PathParameters(capacity: 0) == [:])
        let repeated: PathParameters = ["id": "first", "id": "second"]
        #expect(repeated["id"] == "first")
    }

    @Test func rootRoute_matchesTheBarePath() {
        var router = Router()
        router.add(Route(.get, "/", errorShape: .control, access: .open) { _ in .empty(.ok) })
        if case .found = router.match(method: .get, path: "/") {} else { Issue.record("root not found") }
        if case .methodNotAllowed(let allowed, _, _) = router.match(method: .post, path: "") {
            #expect(allowed == ["GET"])
        } else {
            Issue.record("empty path not routed to the root")
        }
    }

    @Test func overlappingPatterns_keepRegistrationOrder() {
        var router = Router()
        router.add(Route(.get, "/a/root", errorShape: .platform, access: .open) { _ in .empty(.ok) })
        router.add(Route(.get, "/a/{id}", errorShape: .timeSeries, access: .bearerToken) { _ in .empty(.accepted) })
        router.add(Route(.put, "/a/{id}", errorShape: .control, access: .open) { _ in .empty(.created) })
        guard case .found(let route, let parameters) = router.match(method: .get, path: "/a/root") else {
            Issue.record("no match")
            return
        }
        #expect(route.errorShape == .platform && parameters.isEmpty)
        if case .found(let put, let bound) = router.match(method: .put, path: "/a/root") {
            #expect(put.errorShape == .control && bound == ["id": "root"])
        } else {
            Issue.record("PUT on the parameter route refused")
        }
        guard case .methodNotAllowed(let allowed, let shape, let access) = router.match(method: .delete, path: "/a/root") else {
            Issue.record("no 405")
            return
        }
        #expect(allowed == ["GET", "PUT"], "each method once, in registration order")
        #expect(shape == .platform && access == .open)
    }

    @Test func pathsLongerThanEveryRoute_areNotFound() {
        if case .notFound = router().match(method: .get, path: "/a/1/2") {} else { Issue.record("three segments matched") }
        let long = "/" + Array(repeating: "a", count: 50).joined(separator: "/")
        if case .notFound = router().match(method: .get, path: long) {} else { Issue.record("long path matched") }
        if case .notFound = Router().match(method: .get, path: "/") {} else { Issue.record("empty router matched") }
    }

    @Test func pathsWithoutLeadingSlash_dropTheirFirstPiece() {
        if case .found = router().match(method: .get, path: "x/a/1") {} else { Issue.record("first piece not dropped") }
        if case .notFound = router().match(method: .get, path: "a") {} else { Issue.record("slashless path matched") }
    }

    @Test func match_bindsParameters() {
        guard let parameters = parameters(router(), "/a/xyz") else { return }
        #expect(parameters == ["id": "xyz"])
    }

    @Test func trailingSlash_isTolerated_butEmptySegmentsAreNot() {
        if case .found = router().match(method: .get, path: "/a/xyz/") {} else { Issue.record("trailing slash refused") }
        if case .notFound = router().match(method: .get, path: "/a//") {} else { Issue.record("empty segment accepted") }
    }

    @Test func head_isAnsweredByGet() {
        if case .found(let route, _) = router().match(method: .head, path: "/a/1") {
            #expect(route.method == .get)
        } else {
            Issue.record("HEAD not routed")
        }
    }

    @Test func wrongMethod_listsAllowedMethods() {
        guard case .methodNotAllowed(let allowed, _, _) = router().match(method: .delete, path: "/a/1") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == ["GET", "PUT"])
    }
}
