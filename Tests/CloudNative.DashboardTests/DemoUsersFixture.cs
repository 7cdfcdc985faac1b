// DemoUsers (linked from the integration tests) signs in through "AppHostFixture": here that is the dashboard's fixture,
// which offers the same App and ParameterAsync.
global using AppHostFixture = CloudNative.DashboardTests.DashboardAppFixture;
