namespace CloudNative.KafkaDevBroker;

/// <summary>The broker could not start; the message says why, for the AppHost's console log.</summary>
internal sealed class BrokerStartupException(string message, Exception? inner = null) : Exception(message, inner);
