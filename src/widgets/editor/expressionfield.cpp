#include "widgets/editor/expressionfield.h"

#include "core/expr/expression.h"
#include "widgets/editor/expressioneditor.h"

#include <QDateTime>
#include <QEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTimeZone>
#include <QVBoxLayout>

namespace weft {

namespace {

QString jsonText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::String:
        return u'"' + v.toString() + u'"';
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        return QStringLiteral("—");
    }
    return {};
}

} // namespace

ExpressionField::ExpressionField(QWidget *parent)
    : QWidget(parent)
    , m_editor(new ExpressionEditor(this))
    , m_result(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(m_editor);
    layout->addWidget(m_result);
    m_result->setObjectName(QStringLiteral("expressionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setTextFormat(Qt::PlainText);
    connect(m_editor, &ExpressionEditor::edited, this, &ExpressionField::edited);
    connect(m_editor, &ExpressionEditor::committed, this, &ExpressionField::committed);
    connect(m_editor, &ExpressionEditor::errorsChanged, this, &ExpressionField::refresh);
    refresh();
}

QString ExpressionField::value() const
{
    return m_editor->value();
}

void ExpressionField::setValue(const QString &value)
{
    m_editor->setValue(value);
    refresh();
}

void ExpressionField::setFields(const QStringList &fields)
{
    m_editor->setFields(fields);
}

void ExpressionField::setSample(const std::optional<QJsonObject> &record,
                                const QString &description)
{
    m_sample = record;
    m_sampleDescription = description;
    refresh();
}

void ExpressionField::setTimeZone(const QString &ianaId)
{
    m_timeZone = ianaId;
    refresh();
}

void ExpressionField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void ExpressionField::refresh()
{
    const QList<expr::ExprError> errors = m_editor->errors();
    QPalette pal = m_result->palette();
    if (!errors.isEmpty()) {
        QStringList lines;
        for (const expr::ExprError &e : errors)
            lines << e.toString();
        m_result->setText(lines.join(u'\n'));
        pal.setColor(QPalette::WindowText, QColor(0xc62828));
        m_result->setPalette(pal);
        return;
    }
    pal.setColor(QPalette::WindowText, QColor(0x2e7d32));
    if (!m_sample) {
        m_result->setText(m_editor->value().isEmpty()
                              ? tr("No value: the field is not sent.")
                              : tr("OK. Run a preview to see the value for a sample record."));
        pal.setColor(QPalette::WindowText, QColor(0x546e7a));
        m_result->setPalette(pal);
        return;
    }
    // Evaluated against a copy of the sample, with the system variables a run would set.
    const expr::Expression expression = expr::Expression::compile(m_editor->value());
    expr::EvalContext context(*m_sample);
    // A detail-line value ({{list.x}}) reads the sample as its detail row.
    const QList<QJsonObject> rows{*m_sample};
    context.setListRow(&*m_sample);
    context.setListRows(&rows);
    context.setTimeZone(QTimeZone(m_timeZone.toUtf8()));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    context.setLastSyncTime(now - 86400);
    context.setPagination(1, 50);
    context.setRunId(QStringLiteral("preview"));
    expr::ExprError error;
    const QJsonValue value = expression.evaluate(context, &error);
    if (!error.isEmpty()) {
        m_result->setText(tr("For %1: %2").arg(m_sampleDescription, error.toString()));
        pal.setColor(QPalette::WindowText, QColor(0xc62828));
    } else {
        m_result->setText(tr("For %1: %2").arg(m_sampleDescription, jsonText(value)));
    }
    m_result->setPalette(pal);
}

} // namespace weft
