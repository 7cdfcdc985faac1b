using System.Buffers;
using Catalog.Api.Caching;
using Catalog.Api.Model;
using Catalog.Api.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Tests;

public class CatalogJsonContextTests
{
    [Theory]
    [InlineData(typeof(PaginatedItems<CatalogItem>))]
    [InlineData(typeof(CatalogItem))]
    [InlineData(typeof(List<CatalogItem>))]
    [InlineData(typeof(CatalogBrand))]
    [InlineData(typeof(CatalogType))]
    [InlineData(typeof(ProblemDetails))]
    [InlineData(typeof(HttpValidationProblemDetails))]
    public void Covers_every_response_type(Type type)
    {
        Assert.NotNull(CatalogJsonContext.Default.GetTypeInfo(type));
    }

    [Fact]
    public void Cache_serializer_round_trips_through_the_source_generated_context()
    {
        var factory = new JsonContextHybridCacheSerializerFactory(CatalogJsonContext.Default);
        Assert.True(factory.TryCreateSerializer<CatalogItem>(out var serializer));

        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(TestItems.Boots(), buffer);
        var copy = serializer.Deserialize(new ReadOnlySequence<byte>(buffer.WrittenMemory));

        Assert.Equal("Wanderer Black Hiking Boots", copy.Name);
        Assert.Equal(109.99m, copy.Price);
        Assert.Equal("Footwear", copy.CatalogType!.Type);
    }

    [Fact]
    public void Cache_serializer_factory_declines_types_the_context_does_not_know()
    {
        var factory = new JsonContextHybridCacheSerializerFactory(CatalogJsonContext.Default);

        Assert.False(factory.TryCreateSerializer<Uri>(out var serializer));
        Assert.Null(serializer);
    }
}
