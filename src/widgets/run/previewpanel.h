#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class PreviewPanel;
}

namespace weft {

class JsonTreeModel;
class PreviewTableModel;
class SampleCache;

/// The Preview tab: fetch one page of a scheme's source (asynchronously, cancellable); the
/// raw records as a JSON tree and the mapped target payloads as a table, failures marked.
class PreviewPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPanel(SampleCache *samples, QWidget *parent = nullptr);
    ~PreviewPanel() override;

    void setSchemes(const QStringList &schemes);
    void setScheme(const QString &scheme);
    QString scheme() const;
    void fetch();
    JsonTreeModel *rawModel() const { return m_raw; }
    PreviewTableModel *mappedModel() const { return m_mapped; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showResult();

    std::unique_ptr<Ui::PreviewPanel> m_ui;
    SampleCache *m_samples;
    JsonTreeModel *m_raw;
    PreviewTableModel *m_mapped;
};

} // namespace weft
