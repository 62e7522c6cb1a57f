using Returns.Sdk;

namespace Returns.Benchmarks.Data;

/// <summary>
/// Realistic drop-off point and store locations: dense clusters around real cities (Europe-heavy, with overseas
/// territories, high latitudes and cities on both sides of the antimeridian) plus sparse countryside points, and
/// customer query locations mostly in populated areas. Deterministic for a seed.
/// </summary>
public static class ClusteredPoints
{
    // Share of points scattered over the countryside boxes instead of around a city.
    private const double CountrysideShare = 0.15;

    // Share of queries from the countryside; the rest come from around a city.
    private const double CountrysideQueryShare = 0.1;

    // Latitude, longitude (city centre, rounded) and a weight: roughly the metro population in millions, which sets
    // both how many points a city gets and how far they scatter.
    private static readonly City[] Cities =
    [
        // Netherlands, Belgium, Luxembourg
        new("Amsterdam", 52.37, 4.90, 2.5), new("Rotterdam", 51.92, 4.48, 1.8), new("The Hague", 52.08, 4.30, 1.1),
        new("Utrecht", 52.09, 5.12, 0.9), new("Eindhoven", 51.44, 5.47, 0.8), new("Groningen", 53.22, 6.57, 0.4),
        new("Maastricht", 50.85, 5.69, 0.3), new("Brussels", 50.85, 4.35, 2.1), new("Antwerp", 51.22, 4.40, 1.2),
        new("Ghent", 51.05, 3.72, 0.6), new("Liège", 50.63, 5.57, 0.7), new("Luxembourg", 49.61, 6.13, 0.3),

        // Germany, Austria, Switzerland
        new("Berlin", 52.52, 13.40, 4.5), new("Hamburg", 53.55, 9.99, 2.5), new("Munich", 48.14, 11.58, 2.9),
        new("Cologne", 50.94, 6.96, 2.0), new("Frankfurt", 50.11, 8.68, 2.3), new("Stuttgart", 48.78, 9.18, 1.8),
        new("Düsseldorf", 51.23, 6.77, 1.5), new("Dortmund", 51.51, 7.47, 1.2), new("Essen", 51.46, 7.01, 1.1),
        new("Leipzig", 51.34, 12.37, 1.0), new("Dresden", 51.05, 13.74, 0.8), new("Hanover", 52.37, 9.73, 1.1),
        new("Nuremberg", 49.45, 11.08, 1.0), new("Bremen", 53.08, 8.80, 0.9), new("Kiel", 54.32, 10.13, 0.3),
        new("Freiburg", 47.99, 7.84, 0.3), new("Vienna", 48.21, 16.37, 2.9), new("Graz", 47.07, 15.44, 0.6),
        new("Salzburg", 47.81, 13.04, 0.4), new("Innsbruck", 47.27, 11.40, 0.3), new("Zurich", 47.38, 8.54, 1.4),
        new("Geneva", 46.20, 6.14, 0.6), new("Basel", 47.56, 7.59, 0.5), new("Bern", 46.95, 7.45, 0.4),

        // France, including overseas departments and collectivities
        new("Paris", 48.86, 2.35, 11.0), new("Lyon", 45.76, 4.84, 2.3), new("Marseille", 43.30, 5.37, 1.9),
        new("Toulouse", 43.60, 1.44, 1.4), new("Bordeaux", 44.84, -0.58, 1.3), new("Lille", 50.63, 3.06, 1.2),
        new("Nice", 43.70, 7.27, 1.0), new("Nantes", 47.22, -1.55, 1.0), new("Strasbourg", 48.57, 7.75, 0.8),
        new("Rennes", 48.11, -1.68, 0.7), new("Montpellier", 43.61, 3.88, 0.8), new("Grenoble", 45.19, 5.72, 0.7),
        new("Brest", 48.39, -4.49, 0.3), new("Ajaccio", 41.93, 8.74, 0.1), new("Saint-Denis (Réunion)", -20.88, 55.45, 0.4),
        new("Saint-Pierre (Réunion)", -21.34, 55.48, 0.3), new("Fort-de-France", 14.62, -61.06, 0.4),
        new("Pointe-à-Pitre", 16.24, -61.53, 0.3), new("Cayenne", 4.92, -52.31, 0.2), new("Mamoudzou", -12.78, 45.23, 0.2),
        new("Papeete", -17.54, -149.57, 0.2), new("Nouméa", -22.27, 166.44, 0.2), new("Saint-Pierre (SPM)", 46.78, -56.17, 0.01),
        new("Mata-Utu", -13.28, -176.17, 0.01),

        // United Kingdom, Ireland
        new("London", 51.51, -0.13, 9.5), new("Birmingham", 52.49, -1.89, 2.6), new("Manchester", 53.48, -2.24, 2.8),
        new("Leeds", 53.80, -1.55, 1.9), new("Glasgow", 55.86, -4.25, 1.7), new("Liverpool", 53.41, -2.98, 1.4),
        new("Newcastle", 54.98, -1.62, 1.1), new("Bristol", 51.45, -2.59, 0.7), new("Edinburgh", 55.95, -3.19, 0.9),
        new("Cardiff", 51.48, -3.18, 0.5), new("Belfast", 54.60, -5.93, 0.7), new("Aberdeen", 57.15, -2.09, 0.3),
        new("Lerwick", 60.15, -1.15, 0.01), new("Dublin", 53.35, -6.26, 1.4), new("Cork", 51.90, -8.47, 0.3),

        // Nordics, including the Arctic and the North Atlantic
        new("Copenhagen", 55.68, 12.57, 2.1), new("Aarhus", 56.16, 10.20, 0.4), new("Odense", 55.40, 10.39, 0.2),
        new("Stockholm", 59.33, 18.07, 2.4), new("Gothenburg", 57.71, 11.97, 1.0), new("Malmö", 55.60, 13.00, 0.7),
        new("Umeå", 63.83, 20.26, 0.1), new("Kiruna", 67.86, 20.23, 0.02), new("Oslo", 59.91, 10.75, 1.6),
        new("Bergen", 60.39, 5.32, 0.4), new("Trondheim", 63.43, 10.40, 0.2), new("Tromsø", 69.65, 18.96, 0.08),
        new("Hammerfest", 70.66, 23.68, 0.01), new("Longyearbyen", 78.22, 15.63, 0.003), new("Helsinki", 60.17, 24.94, 1.5),
        new("Tampere", 61.50, 23.76, 0.4), new("Oulu", 65.01, 25.47, 0.2), new("Rovaniemi", 66.50, 25.73, 0.06),
        new("Reykjavík", 64.15, -21.94, 0.24), new("Akureyri", 65.68, -18.09, 0.02), new("Tórshavn", 62.01, -6.77, 0.02),
        new("Nuuk", 64.18, -51.69, 0.02),

        // Southern Europe
        new("Madrid", 40.42, -3.70, 6.7), new("Barcelona", 41.39, 2.17, 5.6), new("Valencia", 39.47, -0.38, 1.6),
        new("Seville", 37.39, -5.98, 1.5), new("Bilbao", 43.26, -2.93, 1.0), new("Málaga", 36.72, -4.42, 1.0),
        new("Zaragoza", 41.65, -0.89, 0.7), new("Palma", 39.57, 2.65, 0.5), new("Las Palmas", 28.12, -15.43, 0.6),
        new("Santa Cruz de Tenerife", 28.46, -16.25, 0.4), new("Lisbon", 38.72, -9.14, 2.9), new("Porto", 41.15, -8.61, 1.7),
        new("Funchal", 32.65, -16.91, 0.2), new("Ponta Delgada", 37.74, -25.67, 0.07), new("Rome", 41.90, 12.50, 4.3),
        new("Milan", 45.46, 9.19, 4.3), new("Naples", 40.85, 14.27, 3.1), new("Turin", 45.07, 7.69, 1.7),
        new("Bologna", 44.49, 11.34, 1.0), new("Florence", 43.77, 11.26, 1.0), new("Palermo", 38.12, 13.36, 0.9),
        new("Bari", 41.12, 16.87, 0.7), new("Cagliari", 39.22, 9.12, 0.4), new("Venice", 45.44, 12.32, 0.6),
        new("Valletta", 35.90, 14.51, 0.4), new("Athens", 37.98, 23.73, 3.2), new("Thessaloniki", 40.64, 22.94, 1.0),
        new("Heraklion", 35.34, 25.14, 0.2), new("Nicosia", 35.19, 33.38, 0.3),

        // Central and Eastern Europe, Baltics
        new("Warsaw", 52.23, 21.01, 3.1), new("Kraków", 50.06, 19.94, 1.4), new("Wrocław", 51.11, 17.04, 0.9),
        new("Poznań", 52.41, 16.93, 0.9), new("Gdańsk", 54.35, 18.65, 1.0), new("Łódź", 51.76, 19.46, 1.0),
        new("Prague", 50.08, 14.44, 2.2), new("Brno", 49.20, 16.61, 0.7), new("Bratislava", 48.15, 17.11, 0.7),
        new("Budapest", 47.50, 19.04, 3.0), new("Ljubljana", 46.06, 14.51, 0.5), new("Zagreb", 45.81, 15.98, 1.1),
        new("Belgrade", 44.79, 20.45, 1.7), new("Bucharest", 44.43, 26.10, 2.3), new("Cluj-Napoca", 46.77, 23.59, 0.4),
        new("Sofia", 42.70, 23.32, 1.5), new("Tallinn", 59.44, 24.75, 0.6), new("Riga", 56.95, 24.11, 0.9),
        new("Vilnius", 54.69, 25.28, 0.7),

        // North America, including Alaska and the Arctic
        new("New York", 40.71, -74.01, 19.5), new("Los Angeles", 34.05, -118.24, 13.0), new("Chicago", 41.88, -87.63, 9.5),
        new("Toronto", 43.65, -79.38, 6.2), new("Montreal", 45.50, -73.57, 4.3), new("Vancouver", 49.28, -123.12, 2.6),
        new("Seattle", 47.61, -122.33, 4.0), new("Miami", 25.76, -80.19, 6.1), new("Honolulu", 21.31, -157.86, 1.0),
        new("Anchorage", 61.22, -149.90, 0.4), new("Fairbanks", 64.84, -147.72, 0.1), new("Utqiagvik", 71.29, -156.79, 0.005),
        new("Iqaluit", 63.75, -68.52, 0.008), new("Mexico City", 19.43, -99.13, 21.8), new("San Juan", 18.47, -66.11, 2.0),

        // South America, Africa, Middle East, Asia
        new("São Paulo", -23.55, -46.63, 22.0), new("Buenos Aires", -34.60, -58.38, 15.0), new("Santiago", -33.45, -70.67, 6.8),
        new("Ushuaia", -54.80, -68.30, 0.08), new("Cape Town", -33.92, 18.42, 4.6), new("Johannesburg", -26.20, 28.05, 5.6),
        new("Casablanca", 33.57, -7.59, 3.7), new("Cairo", 30.04, 31.24, 20.0), new("Nairobi", -1.29, 36.82, 4.4),
        new("Istanbul", 41.01, 28.98, 15.5), new("Dubai", 25.20, 55.27, 3.3), new("Tel Aviv", 32.09, 34.78, 4.0),
        new("Mumbai", 19.08, 72.88, 20.0), new("Delhi", 28.61, 77.21, 30.0), new("Singapore", 1.35, 103.82, 5.7),
        new("Hong Kong", 22.32, 114.17, 7.5), new("Shanghai", 31.23, 121.47, 26.0), new("Tokyo", 35.68, 139.69, 37.0),
        new("Seoul", 37.57, 126.98, 25.0), new("Sapporo", 43.06, 141.35, 2.6), new("Petropavlovsk-Kamchatsky", 53.02, 158.65, 0.2),
        new("Anadyr", 64.73, 177.51, 0.015),

        // Oceania, on both sides of the antimeridian
        new("Sydney", -33.87, 151.21, 5.3), new("Melbourne", -37.81, 144.96, 5.1), new("Brisbane", -27.47, 153.03, 2.5),
        new("Perth", -31.95, 115.86, 2.1), new("Hobart", -42.88, 147.33, 0.25), new("Auckland", -36.85, 174.76, 1.7),
        new("Wellington", -41.29, 174.78, 0.4), new("Christchurch", -43.53, 172.64, 0.4), new("Suva", -18.14, 178.44, 0.2),
        new("Lautoka", -17.62, 177.45, 0.07), new("Labasa", -16.43, 179.36, 0.03), new("Nuku'alofa", -21.14, -175.20, 0.03),
        new("Apia", -13.83, -171.76, 0.04), new("Pago Pago", -14.28, -170.70, 0.01), new("Tarawa", 1.45, 172.98, 0.06),
    ];

    // Rural areas points are strewn over: south, north, west and east latitude/longitude bounds and a weight.
    private static readonly Box[] Countryside =
    [
        new(43.0, 53.5, -4.5, 16.0, 10), // France, Benelux, Germany, Switzerland
        new(50.0, 58.5, -5.5, 1.5, 3),   // Great Britain
        new(37.0, 43.5, -9.0, 3.0, 3),   // Iberia
        new(38.0, 46.5, 7.0, 18.0, 3),   // Italy
        new(46.0, 54.5, 14.0, 28.0, 3),  // Poland, Czechia, Hungary
        new(55.5, 69.0, 8.0, 30.0, 2),   // Scandinavia, Finland
        new(30.0, 48.0, -122.0, -75.0, 4), // United States
        new(-38.0, -18.0, 115.0, 153.0, 1), // Australia
        new(-46.0, -35.0, 167.0, 178.5, 1), // New Zealand
        new(-19.0, -16.0, 177.0, 180.0, 0.2), // Fiji, west of the antimeridian
        new(-19.0, -16.0, -180.0, -178.0, 0.1), // Fiji's Lau islands, east of it
    ];

    /// <summary>Points where drop-off points and stores would be: clustered around cities, a few in the countryside.</summary>
    /// <param name="count">How many points.</param>
    /// <param name="seed">The random seed; the same seed gives the same points.</param>
    /// <returns>The points.</returns>
    public static GeoPoint[] Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var cities = new WeightedChoice(Cities.Select(c => c.Weight));
        var boxes = new WeightedChoice(Countryside.Select(b => b.Weight));
        var points = new GeoPoint[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = random.NextDouble() < CountrysideShare
                ? InBox(random, Countryside[boxes.Pick(random)])
                : AroundCity(random, Cities[cities.Pick(random)], spreadFactor: 1d);
        }

        return points;
    }

    /// <summary>Where customers ask from: mostly in and around cities, some in the countryside.</summary>
    /// <param name="count">How many query points.</param>
    /// <param name="seed">The random seed; the same seed gives the same points.</param>
    /// <returns>The query points.</returns>
    public static GeoPoint[] Queries(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var cities = new WeightedChoice(Cities.Select(c => c.Weight));
        var boxes = new WeightedChoice(Countryside.Select(b => b.Weight));
        var points = new GeoPoint[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = random.NextDouble() < CountrysideQueryShare
                ? InBox(random, Countryside[boxes.Pick(random)])
                : AroundCity(random, Cities[cities.Pick(random)], spreadFactor: 2d);
        }

        return points;
    }

    private static GeoPoint AroundCity(Random random, City city, double spreadFactor)
    {
        // A few km for a town, up to about 15 km for a megacity.
        var sigmaKm = spreadFactor * Math.Clamp(3d * Math.Sqrt(city.Weight), 1.5, 15d);
        return Offset(city.Latitude, city.Longitude, Gaussian(random) * sigmaKm, Gaussian(random) * sigmaKm);
    }

    private static GeoPoint InBox(Random random, Box box)
    {
        // Uniform in area: sine of the latitude uniform between the bounds.
        var sinSouth = Math.Sin(double.DegreesToRadians(box.South));
        var sinNorth = Math.Sin(double.DegreesToRadians(box.North));
        var latitude = double.RadiansToDegrees(Math.Asin(sinSouth + (random.NextDouble() * (sinNorth - sinSouth))));
        var longitude = box.West + (random.NextDouble() * (box.East - box.West));
        return new GeoPoint(latitude, longitude);
    }

    private static GeoPoint Offset(double latitude, double longitude, double northKm, double eastKm)
    {
        const double KmPerDegree = Math.PI * GeoPoint.EarthRadiusKm / 180d;
        var newLatitude = Math.Clamp(latitude + (northKm / KmPerDegree), -90d, 90d);
        var newLongitude = longitude + (eastKm / (KmPerDegree * Math.Max(0.01, Math.Cos(double.DegreesToRadians(latitude)))));

        // Wrap across the antimeridian (Fiji, Tonga, Chukotka lie on or next to it).
        newLongitude = ((((newLongitude + 180d) % 360d) + 360d) % 360d) - 180d;
        return new GeoPoint(newLatitude, newLongitude);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2d * Math.Log(1d - random.NextDouble())) * Math.Cos(2d * Math.PI * random.NextDouble());

    private readonly record struct City(string Name, double Latitude, double Longitude, double Weight);

    private readonly record struct Box(double South, double North, double West, double East, double Weight);

    private sealed class WeightedChoice
    {
        private readonly double[] _cumulative;

        public WeightedChoice(IEnumerable<double> weights)
        {
            var total = 0d;
            _cumulative = [.. weights.Select(w => total += w)];
        }

        public int Pick(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }
}
