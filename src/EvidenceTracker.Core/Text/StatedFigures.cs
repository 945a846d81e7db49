namespace EvidenceTracker.Text;

/// <summary>
/// The figures and versions a claim's supporting quotes state, indexed so that each figure of the claim is looked up
/// in constant time under the rules of <see cref="FigureComparer.Matches"/> (a claim of 10,000 figures against quotes
/// of 10,000 was 10⁸ comparisons: 15 s). Numbers are keyed by their value rounded to the claim figure's precision
/// (<see cref="FigureComparer.Key"/>), one key set per precision met; dates by the parts a claim states; ordinals by value.
/// </summary>
internal sealed class StatedFigures
{
    // the index, made only for a list of IndexFrom figures (or versions) or more
    private readonly List<Figure> _numbers = null!;
    private readonly HashSet<(int Mask, int? Year, int? Month, int? Day)> _calendar = null!;
    private readonly HashSet<decimal> _ordinals = null!;
    private readonly Dictionary<decimal, UnitKeys> _byUnit = null!;
    private readonly Dictionary<string, List<VersionIdentifier>> _versions = null!;
    private readonly HashSet<(string Name, string Version)> _versionPrefixes = null!;

    /// <summary>Below this many figures (or versions) the quotes' are compared one by one: most claims cite a
    /// sentence or two, and building the index would cost more than it saves.</summary>
    internal const int IndexFrom = 24;

    private readonly IReadOnlyList<Figure> _figures;
    private readonly IReadOnlyList<VersionIdentifier> _versionList;
    private readonly bool _indexed;
    private readonly bool _versionsIndexed;

    public StatedFigures(IReadOnlyList<Figure> figures, IReadOnlyList<VersionIdentifier> versions)
        : this(figures, versions, IndexFrom)
    {
    }

    /// <param name="indexFrom">The count from which lists are indexed (tests give 0 to compare the index with the pairwise rule).</param>
    internal StatedFigures(IReadOnlyList<Figure> figures, IReadOnlyList<VersionIdentifier> versions, int indexFrom)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(versions);
        _figures = figures;
        _versionList = versions;
        _indexed = _figures.Count >= indexFrom;
        _versionsIndexed = _versionList.Count >= indexFrom;
        if (_indexed)
        {
            (_numbers, _calendar, _ordinals, _byUnit) = ([], [], [], []);
            foreach (var figure in _figures)
            {
                if (figure.Kind is FigureKind.Year or FigureKind.Date)
                {
                    for (var mask = 0; mask < 8; mask++)
                    {
                        _calendar.Add(Project(mask, figure));
                    }
                }
                else if (figure.Kind == FigureKind.Ordinal)
                {
                    _ordinals.Add(figure.Low);
                }
                else
                {
                    _numbers.Add(figure);
                }
            }
        }
        if (_versionsIndexed)
        {
            _versions = new(StringComparer.OrdinalIgnoreCase);
            _versionPrefixes = new(NameVersionComparer.Instance);
            foreach (var version in _versionList)
            {
                if (!_versions.TryGetValue(version.Name, out var named))
                {
                    _versions[version.Name] = named = [];
                }
                named.Add(version);
                // 17.2.1 states 17.2.1, 17.2 and 17
                for (var v = version.Version; ; v = v[..v.LastIndexOf('.')])
                {
                    _versionPrefixes.Add((version.Name, v));
                    if (!v.Contains('.', StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Whether any stated figure states <paramref name="claim"/> (<see cref="FigureComparer.Matches"/>).</summary>
    public bool States(Figure claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (!_indexed)
        {
            for (var i = 0; i < _figures.Count; i++)
            {
                if (FigureComparer.Matches(claim, _figures[i]))
                {
                    return true;
                }
            }
            return false;
        }
        if (claim.Kind is FigureKind.Year or FigureKind.Date)
        {
            // a year is stated by a year or a date of that year; a date by one that agrees on every part it states
            var mask = claim.Kind == FigureKind.Year ? 1 : (claim.Year is null ? 0 : 1) | (claim.Month is null ? 0 : 2) | (claim.Day is null ? 0 : 4);
            return _calendar.Contains(Project(mask, claim));
        }
        if (claim.Kind == FigureKind.Ordinal)
        {
            return _ordinals.Contains(claim.Low);
        }
        var unit = FigureComparer.Unit(claim);
        if (!_byUnit.TryGetValue(unit, out var keys))
        {
            _byUnit[unit] = keys = new UnitKeys(_numbers, unit);
        }
        return keys.States(claim);
    }

    /// <summary>The stated versions of the same name as <paramref name="version"/>.</summary>
    public IReadOnlyList<VersionIdentifier> Named(VersionIdentifier version) =>
        !_versionsIndexed ? [.. _versionList.Where(version.SameName)]
        : _versions.TryGetValue(version.Name, out var named) ? named : [];

    /// <summary>Whether a stated version is <paramref name="version"/> or a release of it (<see cref="VersionIdentifier.SameVersion"/>).</summary>
    public bool StatesVersion(VersionIdentifier version) =>
        _versionsIndexed ? _versionPrefixes.Contains((version.Name, version.Version)) : _versionList.Any(version.SameVersion);

    private static (int, int?, int?, int?) Project(int mask, Figure f) =>
        (mask, (mask & 1) != 0 ? f.Year : null, (mask & 2) != 0 ? f.Month : null, (mask & 4) != 0 ? f.Day : null);

    /// <summary>The numbers' keys at one precision, by percent and qualifier direction.</summary>
    private sealed class UnitKeys
    {
        private readonly List<Figure> _numbers;
        private readonly decimal _unit;
        private readonly HashSet<(int Group, decimal Key)> _singles = [];
        private readonly HashSet<(int Group, decimal Key)> _rangeEnds = [];
        private readonly HashSet<(int Group, decimal Low, decimal High)> _ranges = [];
        private readonly HashSet<(int Group, decimal Value)> _exact = [];
        private readonly List<Figure> _unkeyedRanges = [];

        public UnitKeys(List<Figure> numbers, decimal unit)
        {
            _numbers = numbers;
            _unit = unit;
            foreach (var q in numbers)
            {
                var group = Group(q.IsPercent, FigureComparer.Direction(q.Qualifier));
                var low = FigureComparer.Key(q.Low, unit);
                var high = q.IsRange ? FigureComparer.Key(q.High, unit) : low;
                // a value too large to round at this precision states only an equal value
                Add(group, q.Low, low, q.IsRange ? _rangeEnds : _singles);
                if (q.IsRange)
                {
                    Add(group, q.High, high, _rangeEnds);
                    if (low is not null && high is not null)
                    {
                        _ranges.Add((group, low.Value, high.Value));
                    }
                    else
                    {
                        _unkeyedRanges.Add(q);
                    }
                }
            }
        }

        private void Add(int group, decimal value, decimal? key, HashSet<(int, decimal)> keyed)
        {
            if (key is null)
            {
                _exact.Add((group, value));
            }
            else
            {
                keyed.Add((group, key.Value));
            }
        }

        public bool States(Figure claim)
        {
            var low = FigureComparer.Key(claim.Low, _unit);
            var high = claim.IsRange ? FigureComparer.Key(claim.High, _unit) : low;
            if (low is null || high is null)
            {
                return _numbers.Any(q => FigureComparer.Matches(claim, q)); // a claim value too large to round: rare
            }
            // quotes whose qualifier points the same way or nowhere
            var direction = FigureComparer.Direction(claim.Qualifier);
            for (var d = -1; d <= 1; d++)
            {
                if (d * direction < 0)
                {
                    continue;
                }
                var group = Group(claim.IsPercent, d);
                if (claim.IsRange
                    ? _ranges.Contains((group, low.Value, high.Value))
                    : _singles.Contains((group, low.Value)) || _rangeEnds.Contains((group, low.Value)) || _exact.Contains((group, claim.Low)))
                {
                    return true;
                }
            }
            return claim.IsRange && _unkeyedRanges.Any(q => FigureComparer.Matches(claim, q));
        }

        private static int Group(bool percent, int direction) => ((percent ? 1 : 0) * 3) + direction + 1;
    }

    private sealed class NameVersionComparer : IEqualityComparer<(string Name, string Version)>
    {
        public static readonly NameVersionComparer Instance = new();

        public bool Equals((string Name, string Version) x, (string Name, string Version) y) =>
            string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Version, y.Version, StringComparison.Ordinal);

        public int GetHashCode((string Name, string Version) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name), StringComparer.Ordinal.GetHashCode(obj.Version));
    }
}
