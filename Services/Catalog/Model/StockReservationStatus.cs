namespace Catalog.Api.Model;

public enum StockReservationStatus
{
    /// <summary>Every line was taken from stock.</summary>
    Reserved,

    /// <summary>Nothing was taken: a product was unknown, a quantity invalid, or stock short.</summary>
    Rejected,

    /// <summary>Whatever was taken has been given back, or the order was released before anything was reserved.</summary>
    Released,
}
