#include "widgets/newintegration/endpointpicker.h"

#include "widgets/common/language.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace weft {

namespace {

constexpr int kRefRole = Qt::UserRole + 1;

bool chineseUi()
{
    return Language::current() == QLatin1String("zh_CN");
}

} // namespace

EndpointPicker::EndpointPicker(std::shared_ptr<const Catalog> catalog, bool queries,
                               QWidget *parent)
    : QWidget(parent)
    , m_catalog(std::move(catalog))
    , m_queries(queries)
    , m_systemLabel(new QLabel(this))
    , m_system(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_details(new QLabel(this))
{
    m_system->setObjectName(QStringLiteral("system"));
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("endpoints"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(3);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setObjectName(QStringLiteral("details"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_systemLabel);
    filters->addWidget(m_system);
    filters->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);

    connect(m_system, &QComboBox::currentIndexChanged, this, &EndpointPicker::refill);
    connect(m_search, &QLineEdit::textChanged, this, &EndpointPicker::refill);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_current = item ? m_catalog->endpoint(item->data(0, kRefRole).toString()) : nullptr;
        showDetails();
        Q_EMIT currentChanged(m_current);
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const CatalogEndpoint *e = m_catalog->endpoint(item->data(0, kRefRole).toString()))
            Q_EMIT activated(e);
    });
    retranslate();
}

bool EndpointPicker::select(const QString &ref)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kRefRole).toString() == ref) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void EndpointPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EndpointPicker::retranslate()
{
    const bool chinese = chineseUi();
    m_systemLabel->setText(tr("System:"));
    m_search->setPlaceholderText(tr("Search by title (中文 or English), API path or field"));
    m_list->setHeaderLabels({tr("Endpoint"), tr("API"), tr("System")});
    const QString chosen = m_system->currentData().toString();
    const QSignalBlocker block(m_system);
    m_system->clear();
    m_system->addItem(tr("All systems"), QString());
    for (const CatalogSystem &s : m_catalog->systems()) {
        bool any = false;
        for (const CatalogEndpoint &e : s.endpoints)
            any = any || e.isQuery() == m_queries;
        if (any)
            m_system->addItem(s.title.in(chinese), s.id);
    }
    m_system->setCurrentIndex(std::max(0, m_system->findData(chosen)));
    refill();
}

void EndpointPicker::refill()
{
    const bool chinese = chineseUi();
    const QString system = m_system->currentData().toString();
    const QString previous = m_current ? m_current->ref() : QString();
    QList<const CatalogEndpoint *> shown;
    QHash<const CatalogEndpoint *, QString> why;
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        for (const CatalogSystem &s : m_catalog->systems()) {
            for (const CatalogEndpoint &e : s.endpoints)
                shown << &e;
        }
    } else {
        for (const CatalogHit &hit : m_catalog->search(text)) {
            shown << hit.endpoint;
            why.insert(hit.endpoint, hit.matched);
        }
    }
    const QSignalBlocker block(m_list);
    m_list->clear();
    QTreeWidgetItem *keep = nullptr;
    for (const CatalogEndpoint *e : shown) {
        if (e->isQuery() != m_queries || (!system.isEmpty() && e->system != system))
            continue;
        const CatalogSystem *s = m_catalog->system(e->system);
        auto *item = new QTreeWidgetItem(
            m_list, {e->title.in(chinese), e->api, s ? s->title.in(chinese) : e->system});
        item->setData(0, kRefRole, e->ref());
        item->setToolTip(0, e->title.in(!chinese));
        if (why.contains(e) && why.value(e) != e->title.zh && why.value(e) != e->title.en)
            item->setToolTip(1, tr("Matched: %1").arg(why.value(e)));
        if (e->ref() == previous)
            keep = item;
    }
    m_list->resizeColumnToContents(1);
    m_list->setCurrentItem(keep);
    if (!keep && m_current) {
        m_current = nullptr;
        showDetails();
        Q_EMIT currentChanged(nullptr);
    }
}

void EndpointPicker::showDetails()
{
    if (!m_current) {
        m_details->setText(m_list->topLevelItemCount() == 0 ? tr("No endpoint matches.")
                                                            : QString());
        return;
    }
    const bool chinese = chineseUi();
    QStringList fields;
    if (m_current->isQuery()) {
        for (const CatalogField &f : m_current->fields)
            fields << QStringLiteral("%1 (%2)").arg(f.name, f.label.in(chinese));
    } else {
        for (const CatalogParam &p : m_current->request)
            fields << QStringLiteral("%1 (%2)").arg(p.field, p.label.in(chinese));
    }
    constexpr int kShown = 12;
    QString list = QStringList(fields.mid(0, kShown)).join(QStringLiteral(", "));
    if (fields.size() > kShown)
        list += tr(" and %n more", nullptr, int(fields.size() - kShown));
    m_details->setText(
        tr("%1 — %2 %3\nFields: %4")
            .arg(m_current->title.in(chinese), m_current->method, m_current->api, list));
}

} // namespace weft
