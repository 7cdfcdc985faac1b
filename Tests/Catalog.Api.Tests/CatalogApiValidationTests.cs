using System.Net;
using System.Text.Json;
using Catalog.Api.Infrastructure;
using Catalog.Api.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Catalog.Api.Tests;

// Boots the real Program without Postgres or Redis: bad input is answered before either is touched.
public class CatalogApiValidationTests
{
    [Theory]
    [InlineData("Production", "pageSize=0", "pageSize")]
    [InlineData("Production", "pageSize=101", "pageSize")]
    [InlineData("Production", "pageIndex=-1", "pageIndex")]
    [InlineData("Production", "pageIndex=2147483647&pageSize=100", "pageIndex")]
    [InlineData("Development", "pageSize=0", "pageSize")]
    public async Task Out_of_range_paging_is_a_validation_problem(string environment, string query, string invalidParameter)
    {
        await using var factory = new CatalogApiFactory(environment);
        var client = factory.CreateClient();

        var response = await client.GetAsync($"/api/catalog/items?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(invalidParameter, out _));
    }

    [Theory]
    [InlineData("Production", "/api/catalog/items?pageIndex=abc")]
    [InlineData("Production", "/api/catalog/items?pageSize=99999999999")]
    [InlineData("Development", "/api/catalog/items?pageIndex=abc")]
    public async Task Unparsable_paging_is_a_bad_request_problem_not_a_500(string environment, string url)
    {
        await using var factory = new CatalogApiFactory(environment);
        var client = factory.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Production", "")]
    [InlineData("Development", "")]
    public async Task Items_by_ids_without_ids_is_a_validation_problem(string environment, string query)
    {
        await using var factory = new CatalogApiFactory(environment);
        var client = factory.CreateClient();

        var response = await client.GetAsync($"/api/catalog/items/by{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("ids", out _));
    }

    [Fact]
    public async Task Items_by_more_ids_than_a_page_holds_is_a_validation_problem()
    {
        await using var factory = new CatalogApiFactory("Production");
        var client = factory.CreateClient();
        var query = string.Join('&', Enumerable.Range(1, PaginationRequest.MaxPageSize + 1).Select(id => $"ids={id}"));

        var response = await client.GetAsync($"/api/catalog/items/by?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("ids", out _));
    }

    [Theory]
    [InlineData("Production", "?ids=abc")]
    [InlineData("Production", "?ids=")]
    [InlineData("Production", "?ids=1&ids=99999999999")]
    [InlineData("Development", "?ids=abc")]
    public async Task Unparsable_ids_are_a_bad_request_problem_not_a_500(string environment, string query)
    {
        await using var factory = new CatalogApiFactory(environment);
        var client = factory.CreateClient();

        var response = await client.GetAsync($"/api/catalog/items/by{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Serves_an_openapi_document_describing_the_catalog_api()
    {
        await using var factory = new CatalogApiFactory("Production");
        var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        var list = paths.GetProperty("/api/catalog/items").GetProperty("get");
        Assert.Equal(["pageSize", "pageIndex"], list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(paths.TryGetProperty("/api/catalog/items/{id}", out _));
        var byIds = paths.GetProperty("/api/catalog/items/by").GetProperty("get");
        Assert.Equal(["ids"], byIds.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    sealed class CatalogApiFactory(string environment) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            // Nothing listens on port 1: any test that reached Postgres or Redis would fail loudly (the Kafka consumer and
            // outbox relay only keep retrying in the background).
            builder.UseSetting("ConnectionStrings:catalogdb", "Host=127.0.0.1;Port=1;Database=catalogdb;Timeout=1");
            builder.UseSetting("ConnectionStrings:cache", "127.0.0.1:1,connectTimeout=100");
            builder.UseSetting("ConnectionStrings:kafka", "127.0.0.1:1");
            builder.ConfigureServices(services =>
                services.RemoveAll<IHostedService>(d => d.ImplementationType == typeof(CatalogDbInitializer)));
        }
    }
}

static class ServiceCollectionTestExtensions
{
    public static void RemoveAll<TService>(this IServiceCollection services, Func<ServiceDescriptor, bool> predicate)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(TService) && predicate(d)).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
