#include "widgets/mainwindow/steppropertiespage.h"

#include "ui_stepproperties.h"
#include "widgets/canvas/nodekind.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/stepedits.h"
#include "widgets/editor/expressionfield.h"
#include "widgets/mainwindow/validaterulesedit.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QVBoxLayout>

namespace weft {

StepPropertiesPage::StepPropertiesPage(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::StepProperties>())
    , m_doc(doc)
{
    m_ui->setupUi(this);
    auto *hostLayout = new QVBoxLayout(m_ui->conditionHost);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    m_condition = new ExpressionField(m_ui->conditionHost);
    hostLayout->addWidget(m_condition);
    m_rules = new ValidateRulesEdit(m_ui->jsonPage);
    m_ui->jsonLayout->insertWidget(0, m_rules);
    m_ui->settingsJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->settingsJson->setMinimumHeight(140);
    m_ui->settingsError->setStyleSheet(QStringLiteral("color: #c62828"));

    auto edit = [this](const QString &text, const QString &key, auto change) {
        if (m_loading || m_step.isEmpty())
            return;
        pushStepEdit(m_doc, m_scheme, m_step, text, change,
                     key.isEmpty() ? QString()
                                   : QStringLiteral("step:%1:%2:%3").arg(m_scheme, m_step, key));
    };
    connect(m_ui->title, &QLineEdit::textEdited, this, [this, edit](const QString &t) {
        edit(tr("Edit step title"), QStringLiteral("title"), [&](Step &s) { s.title = t; });
    });
    connect(m_ui->enabled, &QCheckBox::toggled, this, [this, edit](bool on) {
        edit(on ? tr("Enable step") : tr("Disable step"), QString(),
             [&](Step &s) { s.enabled = on; });
    });
    connect(m_ui->arrays, &QLineEdit::editingFinished, this, [this, edit] {
        QJsonArray arrays;
        for (const QString &a : m_ui->arrays->text().split(u',', Qt::SkipEmptyParts))
            arrays.append(a.trimmed());
        edit(tr("Edit flatten arrays"), QString(),
             [&](Step &s) { s.settings.insert(QStringLiteral("arrays"), arrays); });
    });
    connect(m_condition, &ExpressionField::committed, this, [this, edit](const QString &t) {
        edit(tr("Edit filter condition"), QStringLiteral("condition"),
             [&](Step &s) { s.settings.insert(QStringLiteral("condition"), t); });
    });
    connect(m_rules, &ValidateRulesEdit::edited, this,
            [this, edit](const QJsonArray &rules, const QString &text) {
                edit(text, QString(),
                     [&](Step &s) { s.settings.insert(QStringLiteral("rules"), rules); });
            });
    connect(m_ui->applySettings, &QPushButton::clicked, this,
            &StepPropertiesPage::applySettingsJson);
    connect(doc, &ProjectDocument::schemeChanged, this, &StepPropertiesPage::load);
    connect(doc, &ProjectDocument::layoutChanged, this, &StepPropertiesPage::load);
}

StepPropertiesPage::~StepPropertiesPage() = default;

void StepPropertiesPage::setStep(const QString &scheme, const QString &stepId)
{
    m_scheme = scheme;
    m_step = stepId;
    m_ui->settingsJson->clear();
    load();
}

void StepPropertiesPage::setFields(const QStringList &fields)
{
    m_condition->setFields(fields);
}

void StepPropertiesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        load();
    }
    QWidget::changeEvent(event);
}

void StepPropertiesPage::load()
{
    bool connected = false;
    const std::optional<Step> step = findStep(m_doc, m_scheme, m_step, &connected);
    setEnabled(step.has_value());
    if (!step)
        return;
    m_loading = true;
    m_ui->stepId->setText(step->id);
    const NodeKind kind = nodeKindOf(step->type);
    m_ui->stepKind->setText(connected
                                ? nodeKindLabel(kind)
                                : tr("%1 (not connected: does not run)").arg(nodeKindLabel(kind)));
    if (m_ui->title->text() != step->title)
        m_ui->title->setText(step->title);
    m_ui->enabled->setChecked(step->enabled);
    switch (step->type) {
    case StepType::Flatten: {
        m_ui->settingsStack->setCurrentWidget(m_ui->flattenPage);
        QStringList arrays;
        for (const QJsonValue &v : step->settings.value(QLatin1String("arrays")).toArray())
            arrays << v.toString();
        const QString text = arrays.join(QStringLiteral(", "));
        if (m_ui->arrays->text() != text)
            m_ui->arrays->setText(text);
        break;
    }
    case StepType::Filter: {
        m_ui->settingsStack->setCurrentWidget(m_ui->filterPage);
        const QString condition = step->settings.value(QLatin1String("condition")).toString();
        if (m_condition->value() != condition)
            m_condition->setValue(condition);
        m_condition->setTimeZone(m_doc->project().timeZone);
        break;
    }
    case StepType::Lookup:
    case StepType::Validate: {
        m_ui->settingsStack->setCurrentWidget(m_ui->jsonPage);
        m_ui->settingsHint->setText(
            step->type == StepType::Lookup
                ? tr("Fields to add: [{\"field\": \"customer_name\", \"value\": \"_findCollection "
                     "find name from customers where number={{customer}}\"}]")
                : tr("Rules: [{\"field\": \"io_id\", \"required\": true}, {\"field\": \"name\", "
                     "\"maxLength\": 200}, {\"field\": \"mobile\", \"pattern\": "
                     "\"^1\\\\d{10}$\"}]"));
        const QString key =
            step->type == StepType::Lookup ? QStringLiteral("fields") : QStringLiteral("rules");
        m_rules->setVisible(step->type == StepType::Validate);
        if (step->type == StepType::Validate &&
            m_rules->rules() != step->settings.value(key).toArray())
            m_rules->setRules(step->settings.value(key).toArray());
        const QString json = QString::fromUtf8(
            QJsonDocument(step->settings.value(key).toArray()).toJson(QJsonDocument::Indented));
        if (!m_ui->settingsJson->hasFocus() && m_ui->settingsJson->toPlainText() != json)
            m_ui->settingsJson->setPlainText(json);
        break;
    }
    }
    m_ui->settingsError->clear();
    m_loading = false;
}

void StepPropertiesPage::applySettingsJson()
{
    bool connected = false;
    const std::optional<Step> step = findStep(m_doc, m_scheme, m_step, &connected);
    if (!step)
        return;
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(m_ui->settingsJson->toPlainText().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray()) {
        m_ui->settingsError->setText(
            error.error != QJsonParseError::NoError
                ? tr("Not applied: %1 at character %2.").arg(error.errorString()).arg(error.offset)
                : tr("Not applied: write a JSON array."));
        return;
    }
    const QString key =
        step->type == StepType::Lookup ? QStringLiteral("fields") : QStringLiteral("rules");
    pushStepEdit(m_doc, m_scheme, m_step, tr("Edit step settings"),
                 [&](Step &s) { s.settings.insert(key, doc.array()); });
}

} // namespace weft
