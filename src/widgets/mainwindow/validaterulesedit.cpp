#include "widgets/mainwindow/validaterulesedit.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace weft {

namespace {

enum Column { FieldColumn, CheckColumn, ValueColumn, SeverityColumn, ColumnCount };

const char *const kSeverities[] = {"fail", "skip", "warn"};

/// "1..20" → 1 and 20; either side may be empty ("..200").
void splitRange(const QString &text, QString *low, QString *high)
{
    const qsizetype dots = text.indexOf(QLatin1String(".."));
    if (dots < 0) {
        *low = text.trimmed();
        high->clear();
        return;
    }
    *low = text.left(dots).trimmed();
    *high = text.mid(dots + 2).trimmed();
}

QString rangeText(const QJsonValue &low, const QJsonValue &high)
{
    const auto text = [](const QJsonValue &v) {
        return v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : v.toString();
    };
    return text(low) + QStringLiteral("..") + text(high);
}

/// A bound as the rule writes it: a number when it is one (else the text, which the engine
/// reports); nothing when empty.
QJsonValue bound(const QString &text)
{
    bool ok = false;
    const double n = text.toDouble(&ok);
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    return ok ? QJsonValue(n) : QJsonValue(text);
}

} // namespace

ValidateRulesEdit::ValidateRulesEdit(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CheckColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SeverityColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setMinimumHeight(150);
    layout->addWidget(m_table);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    retranslate();

    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_loading)
            emitEdited(item->column() == FieldColumn ? tr("Edit rule field")
                                                     : tr("Edit rule value"));
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow(QString(), Required, QString(), QStringLiteral("fail"), QString());
        m_table->setCurrentCell(m_table->rowCount() - 1, FieldColumn);
        emitEdited(tr("Add validate rule"));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        emitEdited(tr("Remove validate rule"));
    });
}

QComboBox *ValidateRulesEdit::checkBox(int row) const
{
    return qobject_cast<QComboBox *>(m_table->cellWidget(row, CheckColumn));
}

QComboBox *ValidateRulesEdit::severityBox(int row) const
{
    return qobject_cast<QComboBox *>(m_table->cellWidget(row, SeverityColumn));
}

void ValidateRulesEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ValidateRulesEdit::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Check"), tr("Value"), tr("If broken")});
    m_add->setText(tr("Add rule"));
    m_remove->setText(tr("Remove rule"));
    const QStringList checks{tr("required"),
                             tr("length (min..max)"),
                             tr("pattern"),
                             tr("range (min..max)"),
                             tr("allowed values"),
                             tr("unique in the run"),
                             tr("exists in scheme.field"),
                             tr("condition")};
    const QStringList severities{tr("fail the record"), tr("skip the record"), tr("warn")};
    const bool loading = m_loading;
    m_loading = true;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (int i = 0; i < checks.size(); ++i)
            checkBox(row)->setItemText(i, checks.at(i));
        for (int i = 0; i < severities.size(); ++i)
            severityBox(row)->setItemText(i, severities.at(i));
    }
    m_loading = loading;
}

void ValidateRulesEdit::addRow(const QString &field, Check check, const QString &value,
                               const QString &severity, const QString &message)
{
    const bool loading = m_loading;
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *fieldItem = new QTableWidgetItem(field);
    fieldItem->setData(Qt::UserRole, message); // the rule's own message, kept as it was
    m_table->setItem(row, FieldColumn, fieldItem);
    m_table->setItem(row, ValueColumn, new QTableWidgetItem(value));
    auto *checks = new QComboBox(m_table);
    for (int i = 0; i <= Condition; ++i)
        checks->addItem(QString());
    checks->setCurrentIndex(check);
    m_table->setCellWidget(row, CheckColumn, checks);
    auto *severities = new QComboBox(m_table);
    for (int i = 0; i < 3; ++i)
        severities->addItem(QString(), QString::fromLatin1(kSeverities[i]));
    severities->setCurrentIndex(std::max(0, severities->findData(severity)));
    m_table->setCellWidget(row, SeverityColumn, severities);
    connect(checks, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            emitEdited(tr("Change rule check"));
    });
    connect(severities, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            emitEdited(tr("Change rule severity"));
    });
    m_loading = loading;
    retranslate();
}

void ValidateRulesEdit::setRules(const QJsonArray &rules)
{
    m_loading = true;
    const int current = m_table->currentRow();
    m_table->setRowCount(0);
    for (const QJsonValue &v : rules) {
        const QJsonObject r = v.toObject();
        const QString field = r.value(QLatin1String("field")).toString();
        const QString severity = r.value(QLatin1String("severity")).toString();
        const QString message = r.value(QLatin1String("message")).toString();
        const auto row = [&](Check check, const QString &value) {
            addRow(field, check, value, severity, message);
        };
        if (r.value(QLatin1String("required")).toBool())
            row(Required, {});
        if (r.contains(QLatin1String("minLength")) || r.contains(QLatin1String("maxLength")))
            row(Length, rangeText(r.value(QLatin1String("minLength")),
                                  r.value(QLatin1String("maxLength"))));
        if (r.contains(QLatin1String("pattern")))
            row(Pattern, r.value(QLatin1String("pattern")).toString());
        if (r.contains(QLatin1String("min")) || r.contains(QLatin1String("max")))
            row(Range, rangeText(r.value(QLatin1String("min")), r.value(QLatin1String("max"))));
        if (r.contains(QLatin1String("values"))) {
            QStringList values;
            for (const QJsonValue &x : r.value(QLatin1String("values")).toArray())
                values << (x.isString() ? x.toString() : QString::number(x.toDouble(), 'g', 15));
            row(Values, values.join(QStringLiteral(", ")));
        }
        if (r.value(QLatin1String("unique")).toBool())
            row(Unique, {});
        if (r.contains(QLatin1String("exists"))) {
            const QJsonObject e = r.value(QLatin1String("exists")).toObject();
            const QString f = e.value(QLatin1String("field")).toString();
            row(Exists,
                e.value(QLatin1String("scheme")).toString() + (f.isEmpty() ? QString() : u'.' + f));
        }
        if (r.contains(QLatin1String("condition")))
            row(Condition, r.value(QLatin1String("condition")).toString());
    }
    if (current >= 0 && current < m_table->rowCount())
        m_table->setCurrentCell(current, FieldColumn);
    m_loading = false;
}

QJsonArray ValidateRulesEdit::rules() const
{
    QJsonArray rules;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QJsonObject r;
        const QString field = m_table->item(row, FieldColumn)->text().trimmed();
        const QString message = m_table->item(row, FieldColumn)->data(Qt::UserRole).toString();
        const QString value = m_table->item(row, ValueColumn)->text().trimmed();
        if (!field.isEmpty())
            r.insert(QStringLiteral("field"), field);
        QString low, high;
        switch (Check(checkBox(row)->currentIndex())) {
        case Required:
            r.insert(QStringLiteral("required"), true);
            break;
        case Length:
            splitRange(value, &low, &high);
            if (!low.isEmpty())
                r.insert(QStringLiteral("minLength"), low.toInt());
            if (!high.isEmpty())
                r.insert(QStringLiteral("maxLength"), high.toInt());
            break;
        case Pattern:
            r.insert(QStringLiteral("pattern"), value);
            break;
        case Range:
            splitRange(value, &low, &high);
            if (!low.isEmpty())
                r.insert(QStringLiteral("min"), bound(low));
            if (!high.isEmpty())
                r.insert(QStringLiteral("max"), bound(high));
            break;
        case Values: {
            QJsonArray values;
            for (const QString &v : value.split(u',', Qt::SkipEmptyParts))
                values.append(v.trimmed());
            r.insert(QStringLiteral("values"), values);
            break;
        }
        case Unique:
            r.insert(QStringLiteral("unique"), true);
            break;
        case Exists: {
            const qsizetype dot = value.lastIndexOf(u'.');
            QJsonObject e{{QStringLiteral("scheme"), dot < 0 ? value : value.left(dot)}};
            if (dot >= 0)
                e.insert(QStringLiteral("field"), value.mid(dot + 1));
            r.insert(QStringLiteral("exists"), e);
            break;
        }
        case Condition:
            r.insert(QStringLiteral("condition"), value);
            break;
        }
        const QString severity = severityBox(row)->currentData().toString();
        if (severity != QLatin1String("fail"))
            r.insert(QStringLiteral("severity"), severity);
        if (!message.isEmpty())
            r.insert(QStringLiteral("message"), message);
        rules.append(r);
    }
    return rules;
}

void ValidateRulesEdit::emitEdited(const QString &text)
{
    Q_EMIT edited(rules(), text);
}

} // namespace weft
