"""The reference for `cargo bench --bench learn`: scikit-learn's LinearSVC and a kNN on the
same split of Reuters-21578, in the same run. Reads the folders the bench wrote (one .txt per
story) and a JSON of {file: [topics]}; prints one line per model: micro-F1 over the ten topics.
Run by the bench; without scikit-learn it says so and the bench goes on."""
import json
import sys
import time
from pathlib import Path

TEN = ["earn", "acq", "money-fx", "grain", "crude", "trade", "interest", "ship", "wheat", "corn"]


def read(folder, labels):
    files = sorted(Path(folder).glob("*.txt"))
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    return texts, [labels[f.name] for f in files]


def micro_f1(gold, predicted):
    tp = fp = fn = 0
    for g, p in zip(gold, predicted):
        g, p = set(g) & set(TEN), set(p) & set(TEN)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main():
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.neighbors import KNeighborsClassifier
        from sklearn.preprocessing import MultiLabelBinarizer
        from sklearn.svm import LinearSVC
        from sklearn.multiclass import OneVsRestClassifier
    except ImportError:
        print("reference: scikit-learn is not installed (pip install scikit-learn)")
        return
    labels = json.loads(Path(sys.argv[3]).read_text())
    learn_texts, learn_labels = read(sys.argv[1], labels)
    held_texts, held_labels = read(sys.argv[2], labels)
    binarizer = MultiLabelBinarizer(classes=TEN)
    y = binarizer.fit_transform([[t for t in ts if t in TEN] for ts in learn_labels])
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2)
    x_learn = vectorizer.fit_transform(learn_texts)
    x_held = vectorizer.transform(held_texts)
    for name, model in [
        ("scikit-learn LinearSVC (tf-idf words)", OneVsRestClassifier(LinearSVC())),
        ("scikit-learn kNN, k=30 (tf-idf words)", OneVsRestClassifier(KNeighborsClassifier(n_neighbors=30, metric="cosine"))),
    ]:
        start = time.perf_counter()
        model.fit(x_learn, y)
        predicted = binarizer.inverse_transform(model.predict(x_held))
        seconds = time.perf_counter() - start
        p, r, f1 = micro_f1(held_labels, predicted)
        print(f"reference {name}: micro-F1 {f1:.3f} (precision {p:.3f}, recall {r:.3f}), {seconds:.2f} s")


main()
