namespace Gateway.Api.Rollouts;

// Redis is not configured, not connected yet, failing or too slow: a rollout can be neither read nor changed now.
sealed class RolloutStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
