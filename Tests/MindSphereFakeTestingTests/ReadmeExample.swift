import MindSphereFakeTesting
import Testing

@Test func seedAssetsAreListed() async throws {
    try await withRunningFake { baseURL in
        let client = LoopbackClient(baseURL: baseURL)  // or your app, configured with baseURL
        let token = try await client.token()
        let assets = try await client.send("GET", "/api/assetmanagement/v3/assets", headers: ["Authorization": "Bearer \(token)"])
        #expect(assets.status == 200 && assets.body.contains("343a6a61f5ef48c899b13f9c1be45b07"))
    }
}
