using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Caching.Hybrid;

namespace Catalog.Api.Caching;

// Serializes HybridCache's Redis (L2) entries through the source-generated JSON context: no reflection,
// and the cached bytes have the same shape as the API's responses. Types the context lacks fall back to
// HybridCache's default serializer.
sealed class JsonContextHybridCacheSerializerFactory(JsonSerializerContext context) : IHybridCacheSerializerFactory
{
    public bool TryCreateSerializer<T>([NotNullWhen(true)] out IHybridCacheSerializer<T>? serializer)
    {
        serializer = context.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> typeInfo ? new Serializer<T>(typeInfo) : null;
        return serializer is not null;
    }

    sealed class Serializer<T>(JsonTypeInfo<T> typeInfo) : IHybridCacheSerializer<T>
    {
        public T Deserialize(ReadOnlySequence<byte> source)
        {
            var reader = new Utf8JsonReader(source);
            return JsonSerializer.Deserialize(ref reader, typeInfo)!;
        }

        public void Serialize(T value, IBufferWriter<byte> target)
        {
            using var writer = new Utf8JsonWriter(target);
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
    }
}
