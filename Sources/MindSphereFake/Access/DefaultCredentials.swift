extension AppCredential {
    /// The app credential of the built-in scenarios (`Scenario.minimal` and scenarios/default.yaml): client id
    /// `iiotuxpc-testdm-v1.0.0`, secret `fake-secret-for-local-use`. Code and tests take it from here, so the secret
    /// is spelled once outside the scenario files (a test checks that scenarios/default.yaml agrees).
    public static let fakeDefault = AppCredential(
        hostTenant: "iiotuxpc", appName: "testdm", appVersion: "v1.0.0", clientSecret: "fake-secret-for-local-use")
}

extension ServiceCredential {
    /// The service credential of the built-in scenarios: `iiotuxpc-service` with the default app's secret.
    public static let fakeDefault = ServiceCredential(
        clientID: "iiotuxpc-service", clientSecret: AppCredential.fakeDefault.clientSecret, tenant: AppCredential.fakeDefault.hostTenant)
}
