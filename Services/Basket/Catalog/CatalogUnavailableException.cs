namespace Basket.Api.Catalog;

// The catalog could not answer (down, timing out, erroring) even after the resilience handler's retries.
sealed class CatalogUnavailableException(Exception innerException)
    : Exception("The catalog could not be reached to check products.", innerException);
