import HTTPTypes

/// The browser dashboard under `/_fake/ui/` (docs/dashboard.md): the page's own HTML, JavaScript and CSS, carried by
/// the binary (`DashboardFiles`), and the charting library dygraphs under `/_fake/ui/vendor/`, handed in as bytes by
/// whoever read it from Debian's `libjs-dygraphs` (`FakeConfiguration.dashboardLibraries`). It sits under
/// `/_fake/`, so `ControlPlaneGuard` applies as to every control route. The page reads only the control plane's and
/// the APIs' JSON.
package struct DashboardAPI: Sendable {
    /// The path of the page.
    public static let pagePath = "/_fake/ui/"
    /// The Debian package that provides the charting library, named in the answer when it is missing.
    public static let libraryPackage = "libjs-dygraphs"
    private let libraries: [String: [UInt8]]

    /// The dashboard, serving `libraries` (file name to bytes, e.g. `dygraph.min.js`) under `/_fake/ui/vendor/`.
    public init(libraries: [String: [UInt8]]) {
        self.libraries = libraries
    }

    /// The dashboard's routes.
    public var routes: [Route] {
        [
            route("/_fake/ui") { context throws(FakeError) in
                guard context.request.path.hasSuffix("/") else {
                    var fields = HTTPFields()
                    fields[.location] = Self.pagePath
                    return FakeResponse(status: .permanentRedirect, headerFields: fields)
                }
                return try Self.file("index.html")
            },
            route("/_fake/ui/{file}") { context throws(FakeError) in try Self.file(context.parameter("file")) },
            route("/_fake/ui/vendor/{file}") { context throws(FakeError) in
                let name = context.parameter("file")
                guard let bytes = libraries[name] else {
                    throw FakeError.notFound(
                        "'\(name)' is not served: install Debian's package \(Self.libraryPackage) "
                            + "(scripts/setup.sh does) and restart the fake")
                }
                return Self.response(bytes, name: name)
            },
        ]
    }

    private func route(_ path: String, _ handler: @escaping RouteHandler) -> Route {
        Route(.get, path, errorShape: .control, access: .open, handler: handler)
    }

    private static func file(_ name: String) throws(FakeError) -> FakeResponse {
        guard let text = DashboardFiles.all[name] else { throw FakeError.notFound("the dashboard has no file '\(name)'") }
        return response(Array(text.utf8), name: name)
    }

    private static func response(_ bytes: [UInt8], name: String) -> FakeResponse {
        var fields = HTTPFields()
        fields[.contentType] = contentType(of: name)
        // The page's files change with the binary; a browser must not keep an old app.js beside a new index.html.
        fields[.cacheControl] = "no-store"
        fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return FakeResponse(status: .ok, headerFields: fields, body: bytes)
    }

    /// The media type of a served file, by its extension.
    static func contentType(of name: String) -> String {
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        return "application/octet-stream"
    }
}
