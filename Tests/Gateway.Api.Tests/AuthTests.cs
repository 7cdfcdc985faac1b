using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Api.Tests;

// Every way a token can be wrong is a 401 problem with a Bearer challenge; a valid token without the route's role is a
// 403 problem naming the role. Catalog reads are anonymous, catalog writes need "admin", and a route with the
// "customer" policy (as /api/basket and /api/orders will have) needs a customer.
public class AuthTests : IAsyncLifetime
{
    static readonly TestIdentity Identity = TestIdentity.Shared;

    StubCatalog backend = null!;
    GatewayFactory gateway = null!;

    public async Task InitializeAsync()
    {
        backend = await StubCatalog.StartAsync();
        gateway = new GatewayFactory(backend.Url);
        // A service the gateway does not route to yet, added by configuration only, as orders and basket will be.
        gateway.Settings["ReverseProxy:Routes:orders:ClusterId"] = "orders";
        gateway.Settings["ReverseProxy:Routes:orders:AuthorizationPolicy"] = "customer";
        gateway.Settings["ReverseProxy:Routes:orders:Match:Path"] = "/api/orders/{**catch-all}";
        gateway.Settings["ReverseProxy:Clusters:orders:Destinations:orders:Address"] = "http://orders";
        gateway.Settings["services:orders:http:0"] = backend.Url;
        // And one whose configuration forgot its policy.
        gateway.Settings["ReverseProxy:Routes:forgotten:ClusterId"] = "orders";
        gateway.Settings["ReverseProxy:Routes:forgotten:Match:Path"] = "/api/forgotten/{**catch-all}";
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await backend.DisposeAsync();
    }

    const string BadSignature = "The access token's signature is invalid or missing.";
    const string UnknownKey = "The access token is signed with a key the identity service does not publish.";
    const string Untrusted = "The access token was issued by an issuer the gateway does not trust.";

    public static TheoryData<string, string, string> BadTokens()
    {
        var parts = Identity.AdminToken().Split('.');
        var tamperedPayload = Base64UrlEncoder.Encode(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("admin-1", "admin-2"));
        var foreignKey = new SigningCredentials(TestIdentity.NewKey(), SecurityAlgorithms.RsaSha256);
        var publicKeyAsSecret = new SigningCredentials(
            new SymmetricSecurityKey(Identity.PublicKeyPem()) { KeyId = Identity.SigningKey.KeyId }, SecurityAlgorithms.HmacSha256);
        const string evil = "https://evil.example/";

        return new()
        {
            { "expired", Expired(), "The access token has expired." },
            { "wrong audience", Admin(token => token.Audience = "another-api"), "The access token was issued for another audience." },
            { "another issuer, its own key", Admin(token => (token.Issuer, token.SigningCredentials) = (evil, foreignKey)), Untrusted },
            { "another issuer, the trusted key", Admin(token => token.Issuer = evil), Untrusted },
            { "a key the identity service does not publish", Admin(token => token.SigningCredentials = foreignKey), UnknownKey },
            { "alg none", Admin(token => token.SigningCredentials = null), BadSignature },
            { "alg none, signature kept", $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}")}.{parts[1]}.{parts[2]}", UnknownKey },
            { "HS256 with the public key as secret", Admin(token => token.SigningCredentials = publicKeyAsSecret), BadSignature },
            { "tampered payload", $"{parts[0]}.{tamperedPayload}.{parts[2]}", BadSignature },
            { "tampered signature", $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}", BadSignature },
            { "no signature", $"{parts[0]}.{parts[1]}.", BadSignature },
            { "identity token, not an access token", Admin(token => token.TokenType = "JWT"), "The token is not an access token." },
            { "no expiry", Admin(token => token.Expires = null), "The access token has no expiry." },
            { "not a JWT", "not-a-jwt", "The access token is not a well-formed JWT." },
        };

        static string Admin(Action<SecurityTokenDescriptor> change) => Identity.Token("admin-1", ["admin"], change);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Refuses_a_bad_token_with_a_401_problem_and_a_bearer_challenge(string why, string token, string reason)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/catalog/echo", token);

        Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{why}: {response.StatusCode}");
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal($"error=\"invalid_token\", error_description=\"{reason}\"", challenge.Parameter);
        var problem = await ProblemAsync(response, 401);
        Assert.Equal(reason, problem.GetProperty("detail").GetString());
    }

    // The gateway remembers the tokens it found valid (ValidatedTokenCache); a remembered one must still expire.
    [Fact]
    public async Task Refuses_a_token_it_remembered_as_valid_once_the_token_has_expired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        gateway.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var token = Identity.AdminToken();

        var first = await SendAsync(HttpMethod.Post, "/api/catalog/echo", token);
        var remembered = await SendAsync(HttpMethod.Post, "/api/catalog/echo", token);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var expired = await SendAsync(HttpMethod.Post, "/api/catalog/echo", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, remembered.StatusCode);
        Assert.Equal("The access token has expired.", (await ProblemAsync(expired, 401)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Trusts_only_the_configured_issuer_not_the_one_the_discovery_document_names()
    {
        gateway.Settings["Gateway:Auth:Issuer"] = "https://gateway.cloudnative.test/";

        var response = await SendAsync(HttpMethod.Post, "/api/catalog/echo", Identity.AdminToken());

        Assert.Equal(Untrusted, (await ProblemAsync(response, 401)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Answers_a_token_it_cannot_check_while_identity_is_down_with_a_503_not_a_401()
    {
        using var down = new RefusedPort();
        gateway.Settings["services:identity:http:0"] = down.Url;

        var withToken = await SendAsync(HttpMethod.Post, "/api/catalog/echo", Identity.AdminToken());
        var withoutToken = await SendAsync(HttpMethod.Post, "/api/catalog/echo", token: null);
        var anonymousRead = await SendAsync(HttpMethod.Get, "/api/catalog/items", token: null);

        Assert.Contains("identity service", (await ProblemAsync(withToken, 503)).GetProperty("detail").GetString());
        Assert.NotNull(withToken.Headers.RetryAfter);
        await ProblemAsync(withoutToken, 401);
        Assert.Equal(HttpStatusCode.OK, anonymousRead.StatusCode);
    }

    [Fact]
    public async Task Checks_tokens_as_soon_as_identity_comes_up_after_answering_503_while_it_was_down()
    {
        // The AppHost starts the gateway beside identity, not after it: a request before identity listens must not
        // leave the gateway unable to check tokens afterwards.
        var down = new RefusedPort();
        var identityUrl = down.Url;
        gateway.Settings["services:identity:http:0"] = identityUrl;

        var beforeIdentity = await SendAsync(HttpMethod.Post, "/api/catalog/echo", Identity.AdminToken());
        down.Dispose();
        await using var lateIdentity = TestIdentity.StartOn(identityUrl);
        var afterIdentity = await SendAsync(HttpMethod.Post, "/api/catalog/echo", lateIdentity.AdminToken());

        await ProblemAsync(beforeIdentity, 503);
        Assert.Equal(HttpStatusCode.OK, afterIdentity.StatusCode);
    }

    [Fact]
    public async Task Refuses_a_write_without_a_token_with_a_plain_bearer_challenge()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/catalog/echo", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
        var problem = await ProblemAsync(response, 401);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task Lets_anyone_read_the_catalog(string method)
    {
        var response = await SendAsync(new HttpMethod(method), "/api/catalog/echo", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Reads_the_catalog_anonymously_even_with_a_bad_token()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/catalog/items", "not-a-jwt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Lets_only_an_admin_write_to_the_catalog(string method)
    {
        var asAdmin = await SendAsync(new HttpMethod(method), "/api/catalog/echo", Identity.AdminToken());
        var asCustomer = await SendAsync(new HttpMethod(method), "/api/catalog/echo", Identity.CustomerToken());

        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains($"\"method\":\"{method}\"", await asAdmin.Content.ReadAsStringAsync());
        var problem = await ProblemAsync(asCustomer, 403);
        Assert.Contains("'admin'", problem.GetProperty("detail").GetString());
        Assert.Empty(asCustomer.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Accepts_a_token_with_several_roles()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/catalog/echo", Identity.Token("staff-1", ["customer", "admin"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Lets_only_an_authenticated_customer_use_a_customer_route()
    {
        var anonymous = await SendAsync(HttpMethod.Get, "/api/orders/headers", token: null);
        var admin = await SendAsync(HttpMethod.Get, "/api/orders/headers", Identity.AdminToken());
        var service = await SendAsync(HttpMethod.Get, "/api/orders/headers", Identity.Token("cloudnative-service", []));
        var customer = await SendAsync(HttpMethod.Get, "/api/orders/headers", Identity.CustomerToken());

        await ProblemAsync(anonymous, 401);
        Assert.Contains("'customer'", (await ProblemAsync(admin, 403)).GetProperty("detail").GetString());
        await ProblemAsync(service, 403);
        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
    }

    [Fact]
    public async Task Closes_a_route_whose_configuration_names_no_policy_to_anonymous_callers()
    {
        var anonymous = await SendAsync(HttpMethod.Get, "/api/forgotten/headers", token: null);
        var authenticated = await SendAsync(HttpMethod.Get, "/api/forgotten/headers", Identity.Token("cloudnative-service", []));

        await ProblemAsync(anonymous, 401);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
    }

    [Fact]
    public async Task Sets_the_identity_headers_from_the_token_and_drops_the_clients()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/headers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Identity.Token("customer-7", ["customer"]));
        AddSpoofedIdentity(request);

        var headers = await HeadersSeenByBackendAsync(request);

        Assert.Equal(["customer-7"], headers["X-User-Id"]);
        Assert.Equal(["customer"], headers["X-User-Roles"]);
        Assert.DoesNotContain(headers.Keys, name => name.Equals("X_User_Id", StringComparison.OrdinalIgnoreCase) ||
                                                    name.Equals("x_user_roles", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Joins_several_roles_in_one_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/headers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Identity.Token("staff-1", ["customer", "admin"]));

        var headers = await HeadersSeenByBackendAsync(request);

        Assert.Equal(["customer,admin"], headers["X-User-Roles"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task Sends_no_identity_headers_for_an_anonymous_caller_whatever_the_client_claims(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/headers");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        AddSpoofedIdentity(request);

        var headers = await HeadersSeenByBackendAsync(request);

        Assert.DoesNotContain(headers.Keys, name => name.Replace('_', '-').StartsWith("X-User-", StringComparison.OrdinalIgnoreCase));
    }

    // Expired five minutes ago: beyond the gateway's clock skew allowance.
    static string Expired() => Identity.Token("admin-1", ["admin"], token =>
    {
        token.IssuedAt = token.NotBefore = DateTime.UtcNow.AddHours(-2);
        token.Expires = DateTime.UtcNow.AddMinutes(-5);
    });

    static void AddSpoofedIdentity(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("X-User-Id", "admin-1");
        request.Headers.TryAddWithoutValidation("x-user-roles", "admin");
        request.Headers.TryAddWithoutValidation("X_User_Id", "admin-1");
        request.Headers.TryAddWithoutValidation("X_USER_ROLES", "admin");
    }

    async Task<Dictionary<string, string[]>> HeadersSeenByBackendAsync(HttpRequestMessage request)
    {
        var response = await gateway.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = JsonSerializer.Deserialize<Dictionary<string, string[]>>(await response.Content.ReadAsStringAsync())!;
        return new Dictionary<string, string[]>(headers, StringComparer.OrdinalIgnoreCase);
    }

    async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await gateway.CreateClient().SendAsync(request);
    }

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.Clone();
    }
}
