namespace CloudNative.Messaging.Envelope;

/// <summary>A message no retry can help: its envelope or payload cannot be read, or its type is unknown.</summary>
public sealed class PoisonMessageException(string message, Exception? innerException = null) : Exception(message, innerException);
