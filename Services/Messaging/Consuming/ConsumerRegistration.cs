namespace CloudNative.Messaging.Consuming;

/// <summary>One consumer group of a service: what it subscribes to, how it handles and retries.</summary>
internal sealed record ConsumerRegistration(string GroupId, IReadOnlyList<string> Topics, MessageHandlers Handlers, MessageConsumerOptions Options);
