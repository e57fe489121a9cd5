#include "widgets/run/nodedatapanel.h"

#include "widgets/run/samplecache.h"
#include "widgets/run/stagetablemodel.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace weft {

NodeDataPanel::NodeDataPanel(SampleCache *samples, QWidget *parent)
    : QWidget(parent)
    , m_samples(samples)
    , m_model(new StageTableModel(this))
    , m_title(new QLabel)
    , m_stage(new QComboBox)
    , m_state(new QLabel)
    , m_pin(new QPushButton)
    , m_refresh(new QPushButton)
    , m_add(new QPushButton)
    , m_edit(new QPushButton)
    , m_table(new QTableView)
    , m_json(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("nodeDataPanel"));
    m_stage->setObjectName(QStringLiteral("stage"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_add->setObjectName(QStringLiteral("addRecord"));
    m_edit->setObjectName(QStringLiteral("editRecord"));
    m_table->setObjectName(QStringLiteral("stageRecords"));
    m_json->setObjectName(QStringLiteral("recordJson"));
    m_refresh->setIcon(QIcon(QStringLiteral(":/icons/preview.svg")));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setDefaultSectionSize(110);
    m_stage->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_stage->setMinimumContentsLength(20);
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title);
    bar->addWidget(m_stage);
    bar->addWidget(m_state, 1);
    bar->addWidget(m_add);
    bar->addWidget(m_edit);
    bar->addWidget(m_pin);
    bar->addWidget(m_refresh);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_json);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_stage, &QComboBox::currentIndexChanged, this, [this] {
        if (m_stage->currentIndex() >= 0)
            m_wantedStage = m_stage->currentData().toString();
        showStage();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NodeDataPanel::showSelected);
    connect(m_pin, &QPushButton::clicked, this, [this] {
        if (m_samples->isPinned(m_scheme))
            m_samples->unpin(m_scheme);
        else
            m_samples->pin(m_scheme);
    });
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (!m_scheme.isEmpty())
            m_samples->fetch(m_scheme);
    });
    connect(m_add, &QPushButton::clicked, this, [this] { editRecord(-1); });
    connect(m_edit, &QPushButton::clicked, this,
            [this] { editRecord(m_table->currentIndex().row()); });
    connect(samples, &SampleCache::updated, this, [this](const QString &s) {
        if (s == m_scheme)
            showSample();
    });
    connect(samples, &SampleCache::fetchStarted, this, [this](const QString &s) {
        if (s == m_scheme)
            showSample();
    });
    retranslate();
    showSample();
}

void NodeDataPanel::setNode(const QString &scheme, const QString &key)
{
    m_scheme = scheme;
    m_wantedStage = key == QLatin1String("target") ? QStringLiteral("map") : key;
    m_wantedRecord.clear();
    showSample();
}

void NodeDataPanel::selectRecord(const QString &recordId)
{
    m_wantedRecord = recordId;
    showStage();
}

QString NodeDataPanel::stageId() const
{
    return m_stage->currentData().toString();
}

void NodeDataPanel::setStageId(const QString &id)
{
    m_wantedStage = id;
    showSample();
}

QString NodeDataPanel::stateText() const
{
    return m_state->text();
}

void NodeDataPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showSample();
    }
    QWidget::changeEvent(event);
}

void NodeDataPanel::retranslate()
{
    m_title->setText(tr("Records leaving"));
    m_refresh->setText(tr("Fetch"));
    m_refresh->setToolTip(tr("Fetch a sample from the source; a pinned sample is replaced"));
    m_add->setText(tr("Add record…"));
    m_add->setToolTip(tr("Add a record to the pinned sample, to try an edge case"));
    m_edit->setText(tr("Edit record…"));
}

void NodeDataPanel::showSample()
{
    const PreviewResult *r = m_samples->result(m_scheme);
    const bool pinned = m_samples->isPinned(m_scheme);
    const bool fetching = m_samples->isFetching(m_scheme);
    m_pin->setText(pinned ? tr("Unpin sample") : tr("Pin sample"));
    m_pin->setEnabled(pinned || (r && r->error.isEmpty() && !r->sourceRecords.isEmpty()));
    m_refresh->setEnabled(!m_scheme.isEmpty() && !fetching);
    m_add->setEnabled(pinned);

    // The stage list of the current sample; the wanted stage stays wanted while a new
    // sample is computed (a step being edited keeps its table).
    const QSignalBlocker block(m_stage);
    m_stage->clear();
    if (r) {
        for (const StageTrace &s : r->stages) {
            QString label = s.id;
            if (s.type == QLatin1String("source"))
                label = tr("Source (raw)");
            else if (s.type == QLatin1String("beatFlat"))
                label = tr("After beatFlat");
            else if (s.type == QLatin1String("map"))
                label = tr("After the mapping");
            else
                label = tr("After %1 (%2)").arg(s.id, s.type);
            m_stage->addItem(label, s.id);
        }
    }
    m_stage->setCurrentIndex(std::max(0, m_stage->findData(m_wantedStage)));
    showStage();
}

void NodeDataPanel::showStage()
{
    const PreviewResult *r = m_samples->result(m_scheme);
    const bool pinned = m_samples->isPinned(m_scheme);
    const QString source = pinned ? tr("pinned sample") : tr("fetched sample");
    const QString id = stageId();
    const StageTrace *stage = nullptr;
    if (r) {
        for (const StageTrace &s : r->stages) {
            if (s.id == id)
                stage = &s;
        }
    }
    int row = m_table->currentIndex().row();
    if (stage)
        m_model->setStage(*stage);
    else
        m_model->clear();
    m_table->resizeColumnToContents(StageTableModel::NumberColumn);
    m_table->resizeColumnToContents(StageTableModel::FateColumn);
    m_table->setColumnWidth(StageTableModel::NoteColumn, 340);
    m_edit->setEnabled(pinned && id == QLatin1String("source"));
    if (m_scheme.isEmpty())
        m_state->setText(tr("Select a node on the canvas."));
    else if (m_samples->isFetching(m_scheme))
        m_state->setText(tr("Computing…"));
    else if (!r)
        m_state->setText(tr("No sample of %1 yet: fetch one.").arg(m_scheme));
    else if (!r->error.isEmpty())
        m_state->setText(tr("Could not preview: %1").arg(r->error));
    else if (!stage)
        m_state->setText(tr("This node has no records in the sample (disabled or not chained)."));
    else {
        QString text = tr("%1: %2 in · %3 out · %4 dropped · %5 failed")
                           .arg(source)
                           .arg(stage->in)
                           .arg(stage->out)
                           .arg(m_model->countOf(StageRecord::Fate::Dropped))
                           .arg(m_model->countOf(StageRecord::Fate::Failed));
        // The mapping counts the records it handed on; a grouped target gets fewer documents.
        if (stage->type == QLatin1String("map"))
            text += tr(" · %n document(s)", nullptr, m_model->countOf(StageRecord::Fate::Passed));
        m_state->setText(text);
    }
    if (!m_wantedRecord.isEmpty()) {
        row = 0;
        for (int i = 0; i < m_model->rowCount(); ++i) {
            if (m_model->record(i)->id == m_wantedRecord) {
                row = i;
                break;
            }
        }
    }
    if (row >= 0 && row < m_model->rowCount())
        m_table->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    showSelected();
}

void NodeDataPanel::showSelected()
{
    const StageRecord *r = m_model->record(m_table->currentIndex().row());
    if (!r) {
        m_json->clear();
        return;
    }
    QString text = QString::fromUtf8(QJsonDocument(r->record).toJson(QJsonDocument::Indented));
    const QString note = m_model->note(m_table->currentIndex().row());
    if (!note.isEmpty())
        text = QStringLiteral("// ") + note + u'\n' + text;
    if (!r->rules.isEmpty())
        text += QStringLiteral("// rules\n") +
                QString::fromUtf8(QJsonDocument(r->rules).toJson(QJsonDocument::Indented));
    m_json->setPlainText(text);
}

void NodeDataPanel::editRecord(int row)
{
    const PreviewResult *r = m_samples->result(m_scheme);
    if (!m_samples->isPinned(m_scheme) || !r)
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("recordEditor"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(row < 0 ? tr("Add a record to the pinned sample")
                                   : tr("Edit record %1 of the pinned sample").arg(row + 1));
    auto *edit = new QPlainTextEdit(dialog);
    edit->setObjectName(QStringLiteral("recordText"));
    // A new record starts as a copy of the selected one: an edge case is usually a near miss.
    const int from = row >= 0 ? row : m_table->currentIndex().row();
    const QJsonObject start =
        from >= 0 && from < r->sourceRecords.size() && stageId() == QLatin1String("source")
            ? r->sourceRecords.at(from)
            : QJsonObject();
    edit->setPlainText(QString::fromUtf8(QJsonDocument(start).toJson(QJsonDocument::Indented)));
    auto *error = new QLabel(dialog);
    error->setStyleSheet(QStringLiteral("color: #c62828"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(edit, 1);
    layout->addWidget(error);
    layout->addWidget(buttons);
    dialog->resize(560, 480);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [=, this] {
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(edit->toPlainText().toUtf8(), &parse);
        if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
            error->setText(
                parse.error != QJsonParseError::NoError
                    ? tr("Not JSON: %1 (at %2)").arg(parse.errorString()).arg(parse.offset)
                    : tr("A record is a JSON object."));
            return;
        }
        m_samples->setPinnedRecord(m_scheme, row, doc.object());
        dialog->accept();
    });
    dialog->open();
}

} // namespace weft
