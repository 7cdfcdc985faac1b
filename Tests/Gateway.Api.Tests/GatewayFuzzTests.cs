using System.Text;
using CsCheck;

namespace Gateway.Api.Tests;

// Generated malformed requests at a gateway on a real Kestrel port: every method (CONNECT, TRACE, garbage tokens),
// valid, missing and broken access tokens, encoded traversal and NULs in paths, huge or invalid headers, broken JSON,
// oversized and lying bodies. Every answer must be a 4xx (or a correct 2xx/3xx), never a 5xx, also for requests whose
// client left before the answer, and /health must answer 200 afterwards. Deterministic: a fixed CsCheck seed, so a
// failure reproduces.
public class GatewayFuzzTests(KestrelGateway gateway) : IClassFixture<KestrelGateway>
{
    const ulong Seed = 20261202;
    const int Requests = 1500;
    const int Concurrency = 8;
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    sealed record FuzzCase(string Description, byte[] Request, bool HalfClose);

    static readonly Gen<string> Method = Gen.OneOf(
        Pick("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE", "PROPFIND",
            "get", "G@T", "", "GET GET", "\u00ff\u00feX", "M-SEARCH"),
        Gen.String[Gen.Char["ABCXYZ!#$%&'*+-.^_`|~{}()<>@,;:\\\"/[]?="], 1, 20]);

    static readonly Gen<string> Path = Gen.Select(
        Pick("/api/catalog/items", "/api/catalog/items/1", "/api/catalog/echo", "/health", "/alive", "/", "/api/unknown", "*", "http://evil.example/api/catalog/items", ""),
        Pick("", "/%2e%2e/%2e%2e/etc/passwd", "//", "/..%2f..%2f", "%00", "/%00/x", "?x=%00", "/%ZZ", "/\u00e9\u00ff",
            "/../../", "?a=" + new string('a', 9000), "/;jsessionid=1", "%2F%2F", "/%252e%252e/", "#frag"),
        (path, suffix) => path + suffix);

    static readonly Gen<string> Header = Pick(
        "X-Big: " + new string('x', 40 * 1024),
        string.Concat(Enumerable.Range(0, 150).Select(i => $"X-Many-{i}: {i}\r\n")).TrimEnd('\r', '\n'),
        "Bad Header: space in name", "X-Ctl: a\u0001b", "X-Nul: a\u0000b", ": no name", "NoColon",
        "Content-Length: abc", "Content-Length: -1", "Content-Length: 5, 6", "Transfer-Encoding: gzip",
        "Transfer-Encoding: chunked, identity", "Expect: 100-continue", "Expect: nonsense",
        "Connection: Upgrade\r\nUpgrade: websocket", "Upgrade: h2c", "X-Forwarded-For: <script>", "Host: a\r\nHost: b",
        "Content-Type: application/json", "Content-Type: \u00ff/\u00ff", "Accept: */*", "X-Unicode: \u00e9\u00e8");

    // Mostly an admin's valid token, so bodies get past authorization to the proxy; also none, and broken ones that
    // the token validation must refuse with a 401, never a 5xx.
    static readonly Gen<string> Authorization = Gen.Frequency(
        (6, Gen.Const(TestIdentity.Shared.AdminAuthorizationLine())),
        (2, Gen.Const("")),
        (2, Pick("Bearer", "Bearer ", "Bearer a.b.c", "Bearer ....", "Bearer eyJhbGciOiJub25lIn0.e30.", "Basic dXNlcjpwYXNz",
                "Bearer " + new string('A', 8000), "bearer x", "Bearer \u00e9.\u00e9.\u00e9")
            .Select(value => $"Authorization: {value}\r\n")));

    // (body bytes, Content-Length to declare or null for chunked framing as given, half-close after sending)
    static readonly Gen<(byte[] Body, string Framing, bool HalfClose)> Body = Gen.Frequency(
        (6, Gen.Const((Array.Empty<byte>(), "", false))),
        (4, Pick("{\"name\":", "{\"name\": \"x\",}", "[1,2", "\"unterminated", "{\"a\":1}", "null", "{\"\u0000\":1}")
            .Select(json => (Encoding.UTF8.GetBytes(json), $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n", false))),
        (3, Gen.Byte.Array[0, 512].Select(bytes => (bytes, $"Content-Length: {bytes.Length}\r\n", false))),
        (2, Gen.Int[1, 200].Select(missing => (new byte[16], $"Content-Length: {16 + missing}\r\n", true))),
        (2, Pick("zz\r\nhello\r\n0\r\n\r\n", "5\r\nhi\r\n0\r\n\r\n", "3\r\nabc\r\n", "ffffffffffffffff\r\nx\r\n", "0\r\n\r\n")
            .Select(chunks => (Encoding.ASCII.GetBytes(chunks), "Transfer-Encoding: chunked\r\n", !chunks.EndsWith("\r\n\r\n")))),
        (1, Gen.Int[1024 * 1024 + 1, 2 * 1024 * 1024].Select(size => (new byte[size], $"Content-Length: {size}\r\n", false))),
        (1, Gen.Const((new byte[0], "Content-Length: 33554432\r\n", true))));

    static readonly Gen<FuzzCase> Case =
        Gen.Select(Method, Path, Header.Array[0, 3], Body, Pick("HTTP/1.1", "HTTP/1.0", "HTTP/9.9", "HTTP/1.1 x", ""), Authorization)
            .Select((method, path, headers, body, version, authorization) =>
            {
                var head = new StringBuilder($"{method} {path} {version}\r\nHost: localhost\r\n{authorization}Connection: close\r\n");
                foreach (var header in headers)
                {
                    head.Append(header).Append("\r\n");
                }
                head.Append(body.Framing).Append("\r\n");
                var request = Encoding.Latin1.GetBytes(head.ToString()).Concat(body.Body).ToArray();
                var description = $"{Printable(head.ToString())} + {body.Body.Length} body bytes{(body.HalfClose ? ", then half-closed" : "")}";
                return new FuzzCase(description, request, body.HalfClose);
            });

    [Fact]
    public async Task Never_answers_a_malformed_request_with_a_5xx_and_stays_healthy()
    {
        var pcg = new PCG(1, Seed);
        var cases = Enumerable.Range(0, Requests).Select(i => Case.Generate(pcg, null, out _)).ToArray();
        using var budget = new CancellationTokenSource(Budget);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var sent = 0;

        try
        {
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = budget.Token },
                async (fuzz, _) =>
                {
                    Interlocked.Increment(ref sent);
                    try
                    {
                        var response = await RawHttp.SendAsync(gateway.Port, fuzz.Request, TimeSpan.FromSeconds(15), fuzz.HalfClose);
                        if (response.Status == 0 && !fuzz.HalfClose)
                        {
                            failures.Add($"no answer to {fuzz.Description}");
                        }
                        // 505 is Kestrel's answer to "HTTP/9.9", before the app: RFC 9110 §15.6.6 names that status for an
                        // unsupported version, so it is the correct answer even though it is a 5xx. Nothing else is.
                        else if (response.Status >= 500 && response.Status != 505)
                        {
                            failures.Add($"{response.Status} for {fuzz.Description}: {response.Raw}");
                        }
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{e.GetType().Name} ({e.Message}) for {fuzz.Description}");
                    }
                });
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            // Out of time: what was sent is checked below, and too few requests fail the test.
        }

        var health = await gateway.Client.GetAsync("/health");

        var serverSide = gateway.Completed.Where(completed => completed.Status >= 500).Select(completed => $"{completed.Status} on the gateway for {completed.Path}");
        var all = failures.Concat(serverSide).ToList();
        Assert.True(all.Count == 0,
            $"seed {Seed}: {all.Count} of {sent} requests failed:\n" + string.Join("\n", all.Take(20)));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.True(sent >= 500, $"seed {Seed}: only {sent} requests fitted in {Budget}");
    }

    static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    static string Printable(string text)
    {
        var shown = text.Length > 300 ? text[..300] + "…" : text;
        return string.Concat(shown.Select(c => c is '\r' ? "\\r" : c is '\n' ? "\\n" : char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
    }
}
