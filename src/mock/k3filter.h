#pragma once

#include "k3dataset.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace weft::mock {

class MockClock;

/// A parsed K3Cloud FilterString, evaluated against generated rows.
///
/// The subset production filters use: comparisons (= <> != > < >= <=), LIKE, IN (…),
/// IS [NOT] NULL, AND / OR / NOT, parentheses, 'quoted' strings ('' escapes a quote),
/// numbers, dotted field names (FUseOrgId.fnumber) matched without regard to case.
class K3Filter final
{
public:
    struct Node;

    K3Filter();
    ~K3Filter();
    K3Filter(K3Filter &&) noexcept;
    K3Filter &operator=(K3Filter &&) noexcept;

    /// Parses `text` for `form`; nullopt and a message (naming the problem) on error.
    static std::optional<K3Filter> parse(const QString &text, const K3Form &form,
                                         const MockClock &clock, QString *error);

    /// `timeMs` is the row's FModifyDate (the form's time field), passed in so the common
    /// incremental filter needs no date parsing per row.
    bool matches(const std::vector<QJsonValue> &row, qint64 timeMs) const;
    /// Bounds on the time field implied by top-level AND terms: rows outside can't match.
    void timeBounds(qint64 *fromMs, qint64 *toMs) const;
    /// Whether the filter reads the field (a line field makes the query answer per line).
    bool uses(int field) const;

private:
    std::unique_ptr<Node> m_root;
    const K3Form *m_form = nullptr;
    const MockClock *m_clock = nullptr;
};

} // namespace weft::mock
