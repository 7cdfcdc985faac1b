using System.Net;

namespace Gateway.Api.Tests;

// Sends up to max requests one after another (configure adds to the i-th) and stops at the first 429: how many passed
// before it, and the 429. Anything but 200 or 429 fails the test.
static class Flood
{
    public static async Task<(int Passed, HttpResponseMessage? Refusal)> UntilRefusedAsync(
        HttpClient client, string path, int max, Action<HttpRequestMessage, int>? configure = null)
    {
        for (var passed = 0; passed < max; passed++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            configure?.Invoke(request, passed);

            var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (passed, response);
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        return (max, null);
    }
}
