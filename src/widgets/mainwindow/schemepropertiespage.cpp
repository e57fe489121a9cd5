#include "widgets/mainwindow/schemepropertiespage.h"

#include "ui_schemeproperties.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mainwindow/scheduleeditor.h"

namespace weft {

namespace {

void fillConnections(QComboBox *combo, const Project &project, const QString &current)
{
    combo->clear();
    for (const Connection &c : project.connections) {
        combo->addItem(c.title.isEmpty() ? c.name : QStringLiteral("%1 (%2)").arg(c.title, c.name),
                       c.name);
    }
    int index = combo->findData(current);
    if (index < 0 && !current.isEmpty()) {
        combo->addItem(current, current); // a dangling reference stays visible
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

} // namespace

SchemePropertiesPage::SchemePropertiesPage(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SchemeProperties>())
    , m_doc(doc)
{
    m_ui->setupUi(this);
    // The schedule has an editor of its own, under the scheme's general settings.
    m_schedule = new ScheduleEditor(doc, this);
    m_ui->layout->insertWidget(1, m_schedule);
    connectEditors();
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int, const QString &oldName, const QString &newName) {
                if (oldName == m_scheme) {
                    m_scheme = newName;
                    load();
                }
            });
    connect(doc, &ProjectDocument::connectionsChanged, this, &SchemePropertiesPage::load);
    connect(doc, &ProjectDocument::projectReset, this, &SchemePropertiesPage::load);
}

SchemePropertiesPage::~SchemePropertiesPage() = default;

void SchemePropertiesPage::setScheme(const QString &name)
{
    m_scheme = name;
    load();
    m_schedule->setScheme(name);
}

void SchemePropertiesPage::setStateService(StateService *state)
{
    m_schedule->setStateService(state);
}

void SchemePropertiesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        load();
    }
    QWidget::changeEvent(event);
}

void SchemePropertiesPage::load()
{
    const Scheme *s = m_doc->project().scheme(m_scheme);
    setEnabled(s != nullptr);
    if (!s)
        return;
    m_loading = true;
    const Project &p = m_doc->project();
    auto setText = [](QLineEdit *e, const QString &t) {
        if (e->text() != t)
            e->setText(t);
    };
    setText(m_ui->name, s->name);
    setText(m_ui->title, s->title);
    if (m_ui->description->toPlainText() != s->description)
        m_ui->description->setPlainText(s->description);
    m_ui->enabled->setChecked(s->enabled);
    fillConnections(m_ui->sourceConnection, p, s->source.connection);
    fillConnections(m_ui->targetConnection, p, s->target.connection);
    setText(m_ui->initialSince, s->sync.initialSince);
    m_ui->overlapSeconds->setValue(s->sync.overlapSeconds);
    m_ui->retryAttempts->setValue(s->retry.attempts);
    m_ui->retryDelay->setValue(s->retry.initialDelayMs / 1000);
    m_ui->maxFailed->setValue(s->errorPolicy.maxFailedRecords);
    m_loading = false;
}

void SchemePropertiesPage::edit(const QString &what, const QString &key,
                                const std::function<void(Scheme &)> &f)
{
    if (m_loading || m_scheme.isEmpty())
        return;
    pushSchemeEdit(m_doc, m_scheme, tr("Edit %1 of %2").arg(what, m_scheme), f,
                   QStringLiteral("scheme:%1:%2").arg(m_scheme, key));
}

void SchemePropertiesPage::connectEditors()
{
    connect(m_ui->name, &QLineEdit::editingFinished, this, [this] {
        const QString name = m_ui->name->text().trimmed();
        if (m_loading || name == m_scheme)
            return;
        if (name.isEmpty() || m_doc->schemeIndex(name) >= 0) {
            Q_EMIT message(name.isEmpty() ? tr("A scheme needs a name.")
                                          : tr("There is already a scheme named “%1”.").arg(name));
            load();
            return;
        }
        const QString old = m_scheme;
        pushSchemeEdit(m_doc, old, tr("Rename scheme %1 to %2").arg(old, name),
                       [&](Scheme &s) { s.name = name; });
    });
    connect(m_ui->title, &QLineEdit::textEdited, this, [this](const QString &t) {
        edit(tr("title"), QStringLiteral("title"), [&](Scheme &s) { s.title = t; });
    });
    connect(m_ui->description, &QPlainTextEdit::textChanged, this, [this] {
        const QString t = m_ui->description->toPlainText();
        edit(tr("description"), QStringLiteral("description"),
             [&](Scheme &s) { s.description = t; });
    });
    connect(m_ui->enabled, &QCheckBox::toggled, this, [this](bool on) {
        edit(tr("enabled"), QString(), [&](Scheme &s) { s.enabled = on; });
    });
    connect(m_ui->sourceConnection, &QComboBox::activated, this, [this] {
        const QString c = m_ui->sourceConnection->currentData().toString();
        edit(tr("source connection"), QString(), [&](Scheme &s) { s.source.connection = c; });
    });
    connect(m_ui->targetConnection, &QComboBox::activated, this, [this] {
        const QString c = m_ui->targetConnection->currentData().toString();
        edit(tr("target connection"), QString(), [&](Scheme &s) { s.target.connection = c; });
    });
    connect(m_ui->initialSince, &QLineEdit::textEdited, this, [this](const QString &t) {
        edit(tr("first sync"), QStringLiteral("since"),
             [&](Scheme &s) { s.sync.initialSince = t.trimmed(); });
    });
    connect(m_ui->overlapSeconds, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("overlap"), QStringLiteral("overlap"),
             [&](Scheme &s) { s.sync.overlapSeconds = v; });
    });
    connect(m_ui->retryAttempts, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("retries"), QStringLiteral("attempts"), [&](Scheme &s) { s.retry.attempts = v; });
    });
    connect(m_ui->retryDelay, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("retry delay"), QStringLiteral("delay"),
             [&](Scheme &s) { s.retry.initialDelayMs = v * 1000; });
    });
    connect(m_ui->maxFailed, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("error policy"), QStringLiteral("maxFailed"),
             [&](Scheme &s) { s.errorPolicy.maxFailedRecords = v; });
    });
}

} // namespace weft
