using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudNative.Messaging.Envelope;

namespace CloudNative.Messaging.Serialization;

/// <summary>
/// The message types a service sends or receives: each a stable name (the envelope's message-type, so a renamed
/// class does not break consumers) and its source-generated System.Text.Json metadata (no reflection at run time).
/// </summary>
public sealed class MessageTypes
{
    private readonly Dictionary<string, JsonTypeInfo> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> nameByType = [];

    public MessageTypes Add<TMessage>(string name, JsonTypeInfo<TMessage> typeInfo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (!byName.TryAdd(name, typeInfo))
        {
            throw new InvalidOperationException($"The message type name '{name}' is already registered.");
        }
        if (!nameByType.TryAdd(typeof(TMessage), name))
        {
            byName.Remove(name);
            throw new InvalidOperationException($"{typeof(TMessage)} is already registered as '{nameByType[typeof(TMessage)]}'.");
        }

        return this;
    }

    /// <exception cref="InvalidOperationException">The type is not registered: a programming error, raised in the sender's transaction.</exception>
    public (string Name, byte[] Payload) Serialize<TMessage>(TMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!nameByType.TryGetValue(typeof(TMessage), out var name))
        {
            throw new InvalidOperationException($"{typeof(TMessage)} is not a registered message type; add it with AddMessageType.");
        }

        return (name, JsonSerializer.SerializeToUtf8Bytes(message, (JsonTypeInfo<TMessage>)byName[name]));
    }

    /// <exception cref="PoisonMessageException">The name is unknown or the payload is not its JSON.</exception>
    public object Deserialize(string name, ReadOnlySpan<byte> payload)
    {
        if (!byName.TryGetValue(name, out var typeInfo))
        {
            throw new PoisonMessageException($"Unknown message type '{name}'.");
        }

        try
        {
            return JsonSerializer.Deserialize(payload, typeInfo)
                ?? throw new PoisonMessageException($"The '{name}' payload is JSON null.");
        }
        catch (JsonException exception)
        {
            throw new PoisonMessageException($"The payload is not a valid '{name}': {exception.Message}", exception);
        }
    }
}
