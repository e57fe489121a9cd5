#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace weft {

/// A text in both of Weft's languages (the catalogue's {"zh_CN": …, "en": …}).
struct CatalogText {
    QString zh;
    QString en;

    /// The Chinese text when `chinese`, else the English one (each falls back to the other).
    QString in(bool chinese) const;
};

/// A documented fact the catalogue could not confirm: `"confirmed": false` with its note.
struct CatalogDoubt {
    bool confirmed = true;
    QString note;
};

/// One request parameter of an endpoint (a source's query parameter, a target's field).
struct CatalogParam {
    QString field;
    CatalogText label;
    QString type;
    bool required = false;
    QString describe;
    QJsonValue value;  ///< default value or template; Undefined when none
    QString role;      ///< page, pageSize, offset, cursor, windowStart, windowEnd, filter
    QJsonValue parser; ///< as in adapter metadata; Undefined when none
    QString items;     ///< element type of an array
    QList<CatalogParam> children;
    CatalogDoubt doubt;
};

/// One field of the records an endpoint answers with; arrays have `fields` of their own
/// (what beatFlat explodes).
struct CatalogField {
    QString name;
    CatalogText label;
    QString type;
    QString describe;
    QString items; ///< element type of an array without fields
    QString entry; ///< K3Cloud: the entry (line) entity the field belongs to
    QList<CatalogField> fields;
    CatalogDoubt doubt;
};

/// How an endpoint pages. The settings the engine reads are typed; the object is kept whole
/// for the documentation and the designer.
struct CatalogPaging {
    QString kind; ///< page, offset, cursor or none
    int defaultPageSize = 0;
    int maxPageSize = 0; ///< 0: not published
    QJsonObject json;
};

/// The modification-time window an endpoint filters by.
struct CatalogWindow {
    QString startParam;
    QString endParam;
    QString format;         ///< datetime, date, epochSeconds or epochMillis
    double maxSpanDays = 0; ///< 0: no published limit
    QJsonObject json;
};

/// A documented error answer of a system.
struct CatalogError {
    QString code; ///< "" where the kind is documented but no code is published
    QString kind; ///< ok, tokenExpired, sessionExpired, duplicateNumber, throttled, permission, …
    CatalogText message;
    QString retry;
    QString source;
    CatalogDoubt doubt;
};

/// One API endpoint (or K3Cloud form operation) of a system.
struct CatalogEndpoint {
    QString system;
    QString id;
    CatalogText title;
    QString api;
    QString method;
    QString effect; ///< QUERY or EXECUTE
    QString source; ///< the public documentation page the entry was taken from
    QStringList sources;
    QList<CatalogParam> request;
    QList<CatalogParam> otherRequest;
    std::optional<CatalogPaging> paging;
    std::optional<CatalogWindow> window;
    QString recordPath;
    QList<CatalogField> fields;
    QString idField;
    QString numberField;
    QString nameField;
    QStringList beatFlat;
    bool autoFillResponse = false;
    QString documentKey;
    QString support; ///< supported, partial or unsupported by Weft's connector today
    QString supportNote;
    QList<QPair<QString, QString>> unconfirmed; ///< fact → note
    QString pointer; ///< JSON pointer of the entry in its file ("/endpoints/3")

    /// "<system>/<id>", what adapter metadata's "catalog" key holds.
    QString ref() const { return system + u'/' + id; }
    bool isQuery() const { return effect == QLatin1String("QUERY"); }
    /// The value of an otherRequest entry (FormId, FieldKeys), "" when absent.
    QString other(const QString &field) const;
};

/// Everything the catalogue says about one system: one file of resources/catalog.
struct CatalogSystem {
    QString id;
    QString connectionType;
    CatalogText title;
    QString documentation;
    QString describe;
    QStringList sources;
    QJsonObject rateLimit;
    QList<CatalogError> errors;
    QList<CatalogEndpoint> endpoints;
    QString file; ///< the file it was read from (":/catalog/jushuitan.json", a path)

    const CatalogEndpoint *endpoint(const QString &id) const;
};

/// One result of Catalog::search: the endpoint and why it matched.
struct CatalogHit {
    const CatalogEndpoint *endpoint = nullptr;
    int score = 0;   ///< title 3, api/id/form 2, a field 1
    QString matched; ///< the title, path or field name that matched
};

/// The API catalogue: documented endpoints of the systems Weft connects to, with their
/// parameters, paging, windows, record fields and error codes (docs/catalog.md).
///
/// The catalogue helps to create adapter metadata; a project never depends on it to run
/// (the metadata is copied into the project).
class Catalog final
{
public:
    Catalog() = default;
    explicit Catalog(QList<CatalogSystem> systems);

    /// The catalogue compiled into Weft (":/catalog/*.json"), loaded once. Files that fail
    /// validation are left out (and reported by tst_catalog, never at run time).
    static std::shared_ptr<const Catalog> builtin();

    const QList<CatalogSystem> &systems() const { return m_systems; }
    const CatalogSystem *system(const QString &id) const;
    /// By system and endpoint id, or by "<system>/<endpoint>" alone.
    const CatalogEndpoint *endpoint(const QString &system, const QString &id) const;
    const CatalogEndpoint *endpoint(const QString &ref) const;
    /// Every "<system>/<endpoint>".
    QStringList refs() const;

    /// Endpoints whose Chinese or English title, api path, id, K3Cloud form, or a parameter
    /// or record field (name or label) contains every word of `text` (case-insensitive),
    /// best first. An empty text finds nothing.
    QList<CatalogHit> search(const QString &text) const;

    /// Facts marked `"confirmed": false` plus "unconfirmed" entries, over every system.
    int unconfirmedCount() const;

private:
    QList<CatalogSystem> m_systems;
};

/// What loading catalogue files gives: the systems that loaded, and every problem as
/// "file:/json/pointer: what is wrong".
struct CatalogLoadResult {
    std::shared_ptr<const Catalog> catalog;
    QStringList errors;

    bool ok() const { return errors.isEmpty(); }
};

/// Loads every *.json of a directory (tests, and catalogues kept outside the binary).
CatalogLoadResult loadCatalogDirectory(const QString &path);
/// Loads the given files.
CatalogLoadResult loadCatalogFiles(const QStringList &paths);

} // namespace weft
