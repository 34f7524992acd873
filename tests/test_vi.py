"""``vi.kg_entities`` on real sentences (NTREX-128 and seed 003), and the hand-annotated gold set."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

pytest.importorskip("pyvi")

from policykg.extractors.vi import is_vietnamese_syllable

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "vi_gold" / "dev.iob2"
EVAL_DIR = Path(os.environ.get("NER_EVAL_DIR", "/work/shared/eval"))


@pytest.fixture(scope="module")
def nlp_vi():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": True}}})
    nlp.add_pipe("kg_entities")
    return nlp


def spans(doc):
    return [(s.text, s.label_) for s in doc.spans["kg"]]


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ner_eval():
    if not (EVAL_DIR / "ner_eval.py").is_file():
        pytest.skip(f"the shared scorer is not at {EVAL_DIR}; set NER_EVAL_DIR")
    return load_module(EVAL_DIR / "ner_eval.py", "ner_eval")


# Organization heads: the name goes on with capitalised words and with "nhân dân" or "tỉnh X".
ORG_CASES = [
    ("Bốn là, các luận điệu sai trái, thù địch cho rằng Đảng Cộng sản Việt Nam độc tôn lãnh đạo cách mạng là mất "
     "dân chủ, không tạo động lực để phát triển đất nước, cần thực hiện “đa nguyên chính trị”, “đa đảng đối lập”.",
     [("Đảng Cộng sản Việt Nam", "ORG"), ("dân chủ", "TERM"), ("đa nguyên chính trị", "TERM"),
      ("đa đảng đối lập", "TERM")]),
    ("Sáu là, cổ xúy cho luận điểm “quân đội phi giai cấp”, “quân đội nhà nghề” nhằm thúc đẩy “phi chính trị hóa” "
     "Quân đội nhân dân Việt Nam.",
     [("quân đội phi giai cấp", "TERM"), ("quân đội nhà nghề", "TERM"), ("phi chính trị hóa", "TERM"),
      ("Quân đội nhân dân Việt Nam", "ORG")]),
    ("Cán bộ Công An tỉnh Kon Tum thực hiện tuyên truyền giáo dục pháp luật cho đồng bào Dân tộc thiểu số trên địa "
     "bàn tỉnh. Nguồn: Công an Kon Tum",
     [("Công An tỉnh Kon Tum", "ORG"), ("Công an Kon Tum", "ORG")]),
    ("Theo Tổ chức Minh bạch Quốc tế, tham nhũng là một hiện tượng phổ biến, xảy ra ở nhiều quốc gia trên thế giới",
     [("Tổ chức Minh bạch Quốc tế", "ORG"), ("tham nhũng", "TERM")]),
    ("Tạo dựng các video clip, phóng sự có giao diện giống của Đài Truyền hình Việt Nam và một số báo, đài địa "
     "phương để “dẫn dụ” tâm lý tò mò của nhiều người...",
     [("Đài Truyền hình Việt Nam", "ORG"), ("dẫn dụ", "TERM")]),
    ("Đầu năm nay tại Hoa Kỳ Bộ Quốc Phòng đã thành lập một Trung Tâm Liên Hiệp Trí Tuệ Nhân Tạo, nhằm can thiệp "
     "tới các đối tác từ ngành công nghiệp và giáo dục",
     [("Hoa Kỳ", "PLACE"), ("Bộ Quốc Phòng", "ORG"), ("Trung Tâm Liên Hiệp Trí Tuệ Nhân Tạo", "ORG")]),
    ("Ford nói với Ủy ban Tư pháp Thượng viện rằng bà chắc chắn 100% rằng Kavanaugh say xỉn và cố gắng cởi bỏ quần "
     "áo của bà tại một bữa tiệc ở trường trung học.",
     [("Ford", "PERSON"), ("Ủy ban Tư pháp Thượng viện", "ORG"), ("Kavanaugh", "PERSON")]),
    ("Một cuộc thăm dò được công bố vào thứ Hai tuần trước bởi Viện Nghiên cứu Chính sách Macedonia cho biết khoảng "
     "30 tới 43 phần trăm cử tri sẽ tham gia cuộc trưng cầu dân ý - thấp hơn mức bỏ phiếu bắt buộc.",
     [("Viện Nghiên cứu Chính sách Macedonia", "ORG")]),
    # pyvi splits "Quốc vụ viện"; the head still reaches the country after it
    ("Quốc vụ viện Trung Quốc đã ban hành Kế hoạch Phát triển Trí tuệ Nhân tạo Thế hệ tiếp theo vào tháng 7, 2017.",
     [("Quốc vụ viện Trung Quốc", "ORG"), ("Trí tuệ Nhân tạo", "TERM")]),
    ("Kể từ năm 2003, Chính phủ Trung Quốc đã cam kết cấp thuốc điều trị HIV cho tất cả bệnh nhân lây nhiễm để đối "
     "phó với căn bệnh này.",
     [("Chính phủ Trung Quốc", "ORG")]),
    ("Văn phòng Khám nghiệm Tử thi Vùng Baton Rouge đã công bố một báo cáo sơ bộ vào thứ Sáu, cho biết nguyên nhân "
     "cái chết là một vết đạn xuyên từ đầu xuống cổ.",
     [("Văn phòng Khám nghiệm Tử thi Vùng Baton Rouge", "ORG")]),
    ("Bị cáo dự kiến sẽ ra hầu tòa tại Tòa Sơ thẩm Belfast Magistrates vào Thứ Hai.",
     [("Tòa Sơ thẩm Belfast Magistrates", "ORG")]),
    ("Trung Quốc và Nga cho rằng Hội đồng Bảo an Liên Hợp Quốc nên khen thưởng Bình Nhưỡng vì các nỗ lực của họ.",
     [("Trung Quốc", "PLACE"), ("Nga", "PLACE"), ("Hội đồng Bảo an Liên Hợp Quốc", "ORG"), ("Bình Nhưỡng", "PLACE")]),
    # groups named in quotes; the lexicon's "nhân quyền" inside the name gives way
    ("Chúng đẩy mạnh hoạt động của các tổ chức “xã hội dân sự” với những cái tên rất kêu mang tinh thần “dân tộc” "
     "như “Hội phụ nữ nhân quyền”, “Nhóm công dân tự do”, “Nhóm tuổi trẻ yêu nước”.",
     [("xã hội dân sự", "TERM"), ("dân tộc", "TERM"), ("Hội phụ nữ nhân quyền", "ORG"),
      ("Nhóm công dân tự do", "ORG"), ("Nhóm tuổi trẻ yêu nước", "ORG")]),
]

# Institutions named by their head alone, except where a sentence starts with the head as a common noun.
BARE_ORG_CASES = [
    ("Triệt để lợi dụng xu thế toàn cầu hóa, hội nhập quốc tế ngày càng sâu rộng, sự bùng nổ của internet - mạng "
     "xã hội và những khó khăn, thách thức của đất nước, các thế lực thù địch và phần tử cơ hội phản động ráo riết, "
     "đẩy mạnh hoạt động chống phá Đảng và Nhà nước ta.",
     [("toàn cầu hóa", "TERM"), ("hội nhập quốc tế", "TERM"), ("mạng xã hội", "TERM"), ("Đảng", "ORG"),
      ("Nhà nước", "ORG")]),
    ("Tiến hành khá nhiều vụ “giả danh sĩ quan cao cấp”, những người “có quyền lực” trong các cơ quan, đơn vị Quân "
     "đội để lừa gạt, chiếm đoạt tài sản của những người dân nhẹ dạ, cả tin…",
     [("giả danh sĩ quan cao cấp", "TERM"), ("có quyền lực", "TERM"), ("Quân đội", "ORG")]),
    # pyvi glues "Đảng ta" into one word; the component cuts it
    ("Theo thống kê, trong giai đoạn Đảng ta chuẩn bị tiến hành tổ chức Đại hội lần thứ XIII, có khoảng 36% các "
     "thông tin sai trái, thù địch liên quan đến công tác phòng, chống tham nhũng ở nước ta.",
     [("Đảng", "ORG"), ("chống tham nhũng", "TERM")]),
    ("Flake đã bị thuyết phục một phần bởi các cuộc trò chuyện với người đồng sự của mình, Thượng nghị sĩ Dân chủ "
     "Chris Coons.",
     [("Flake", "PERSON"), ("Dân chủ", "ORG"), ("Chris Coons", "PERSON")]),
    ("Quân đội đã nổ súng trong một cuộc biểu tình vì hòa bình tại quảng trường vào ngày 2 tháng 10 năm 1968, giết "
     "chết tới 300 người ngay lúc đó khi các phong trào sinh viên cánh tả đang bén rễ trên khắp châu Mỹ La tinh.",
     [("châu Mỹ", "PLACE")]),
]

# Capitalised name sequences: titles and cue words stay out, a title or place between names cuts them.
NAME_CASES = [
    # an abbreviated title with its dot is a title (newsweek.51310: TT. = Tổng thống); a company "TT Group" is no title
    ("Cuộc vận động của TT. Trump ở West Virginia bắt đầu lúc mấy giờ đêm nay?",
     [("Trump", "PERSON"), ("West Virginia", "PLACE")]),
    ("Công ty TT Group", [("Công ty TT Group", "ORG")]),
    ("Cố Tổng Bí thư Nguyễn Phú Trọng từng khẳng định: “Tham nhũng là “khuyết tật bẩm sinh” của quyền lực, là một "
     "trong những nguy cơ đe doạ sự tồn vong của chế độ ta.",
     [("Nguyễn Phú Trọng", "PERSON"), ("Tham nhũng", "TERM")]),
    ("Bộ trưởng Ngoại giao CHDCND Triều Tiên Ri Yong Ho tiết lộ rằng quốc gia của ông sẽ không bao giờ giải trừ vũ "
     "khí hạt nhân trừ khi họ có thể tin cậy được Washington trước đó.",
     [("CHDCND Triều Tiên", "PLACE"), ("Ri Yong Ho", "PERSON"), ("Washington", "PLACE")]),
    ("Ông đưa ra nhận xét khi Ngoại trưởng Mỹ Mike Pompeo dường như đang trên chuẩn bị tái khởi động lại chính sách "
     "ngoại giao hạt nhân hơn ba tháng sau cuộc gặp tại Singapore với Lãnh đạo Triều Tiên Kim Jong Un.",
     [("Mỹ", "PLACE"), ("Mike Pompeo", "PERSON"), ("Singapore", "PLACE"), ("Triều Tiên", "PLACE"),
      ("Kim Jong Un", "PERSON")]),
    ("Ông Ri đã phát biểu hôm thứ Bảy tại Đại hội đồng Liên Hợp Quốc.",
     [("Ri", "PERSON"), ("Đại hội đồng Liên Hợp Quốc", "ORG")]),
    ("Scott Pelley đã hỏi thượng nghị sĩ Đảng Cộng hòa John Kennedy và Lindsey Graham liệu FBI có tìm ra được bằng "
     "chứng gì đó có thể khiến các thượng nghị sĩ này thay đổi quyết định không.",
     [("Scott Pelley", "PERSON"), ("Đảng Cộng hòa", "ORG"), ("John Kennedy", "PERSON"), ("Lindsey Graham", "PERSON"),
      ("FBI", "ORG")]),
    ("Scott Pittman đã thất bại dưới đôi chân của thủ thành Rangers Allan McGregor",
     [("Scott Pittman", "PERSON"), ("Rangers", "ORG"), ("Allan McGregor", "PERSON")]),
    # an English rank before a foreign name is no part of it, as in English text (guardian.221718)
    ("trộn lẫn sự hài hước của Mr Bean và một chút gì đó", [("Bean", "PERSON")]),
    ("Sean Combs được biết tới rộng rãi với cái tên Puff Daddy, P. Diddy hay Diddy",
     [("Sean Combs", "PERSON"), ("Puff Daddy", "PERSON"), ("P. Diddy", "PERSON"), ("Diddy", "PERSON")]),
    ("Lopez Obrador đã cam kết vào thứ Bảy tại Quảng trường Tlatelolco rằng “không bao giờ đưa quân đội đàn áp người "
     "dân Mexico.”",
     [("Lopez Obrador", "PERSON"), ("Quảng trường Tlatelolco", "PLACE"), ("Mexico", "PLACE")]),
    ("Cảnh sát đã phát hiện được kính từ hiện trường và cho biết họ phát hiện được ADN của Simpson trên kính, theo "
     "tin từ đài WAFB của CBS.",
     [("Simpson", "PERSON"), ("WAFB", "ORG"), ("CBS", "ORG")]),
    # pyvi keeps "CNN." whole; the full stop is cut off
    ("Ông đứng với đôi mắt hướng xuống trong vài phút khi bị chất vấn, được truyền hình trực tiếp trên CNN.",
     [("CNN", "ORG")]),
    ("Trong nỗ lực chống lại văn hóa học tập áp lực máy móc, với 'sinh viên cú đêm' uống cà phê thay nước, một khóa "
     "học mới ở Đại học Harvard năm nay đã khuyến khích tất cả sinh viên đại học ngủ nhiều hơn.",
     [("Đại học Harvard", "ORG")]),
]

# Places: CLDR, exonyms, gazetteer, cue words; compass words and storms are no part of them.
PLACE_CASES = [
    ("Có những nước rất nhiều đảng: Armenia có khoảng 40 đảng, Hà Lan có 25 đảng, Na Uy có 23 đảng... nhưng rõ ràng "
     "chúng ta không thể kết luận Armenia dân chủ hơn Hà Lan hay Na Uy.",
     [("Armenia", "PLACE"), ("Hà Lan", "PLACE"), ("Na Uy", "PLACE"), ("Armenia", "PLACE"), ("dân chủ", "TERM"),
      ("Hà Lan", "PLACE"), ("Na Uy", "PLACE")]),
    ("Bài học đau xót và thấm thía về thực thi dân chủ sai nguyên tắc ở Liên Xô trong thời gian cải tổ.",
     [("dân chủ", "TERM"), ("Liên Xô", "PLACE")]),
    ("Chênh lệch nhiệt độ gần 20 độ giữa Thành phố Kansas, Missouri và Omaha, Nebraska và giữa St. Louis và Des "
     "Moines, Iowa.",
     [("Thành phố Kansas", "PLACE"), ("Missouri", "PLACE"), ("Omaha", "PLACE"), ("Nebraska", "PLACE"),
      ("St. Louis", "PLACE"), ("Des Moines", "PLACE"), ("Iowa", "PLACE")]),
    ("Nhiệt độ ẩm sẽ khiến lượng mưa đạt tới 2 đến 3 inch mỗi tiếng tại các đại điểm, đặc biệt là ở các vùng phía "
     "Nam Nevada và Arizona.",
     [("Nevada", "PLACE"), ("Arizona", "PLACE")]),
    ("Theo dự báo, Cơn bão Rosa đang suy yếu khi trên đường chuyển hướng tới vùng hải lưu lạnh hơn tại bờ biển phía "
     "Bắc Mexico.",
     [("Mexico", "PLACE")]),
    ("Có thể thấy một số miền nhiệt độ khắc nghiệt trên khắp Hoa Kỳ vào tháng 10 khi Bắc Cực lạnh hơn, nhưng vùng "
     "nhiệt đới vẫn khá ấm áp.",
     [("Hoa Kỳ", "PLACE"), ("Bắc Cực", "PLACE")]),
    ("Tro phun ra từ núi lửa Popocatepetl đã chảy tới các khu phố phía nam thủ đô Mexico.",
     [("Popocatepetl", "PLACE"), ("Mexico", "PLACE")]),
    ("Tuy nhiên, số người lây nhiễm HIV theo con đường này đã giảm xuống gần như bằng 0. Đây là lời phát biểu của các "
     "quan chức y tế Trung Quốc tại một hội nghị ở tỉnh Vân Nam.",
     [("Trung Quốc", "PLACE"), ("Vân Nam", "PLACE")]),
    ("Trên phương diện chữ w của người Wales được phát âm tương tự như chữ u của người Yorkshire nước Anh.",
     [("Wales", "PLACE"), ("Yorkshire", "PLACE"), ("Anh", "PLACE")]),
]

# A guess takes the type of the firmly typed names listed with it, or of the same name elsewhere in the doc.
SHARED_TYPE_CASES = [
    # Evelyn is a census first name, but it is listed with a street
    ("Vụ tai nạn xảy ra gần ngã ba đường Bestwood và Evelyn, một khu phố sầm uất ở Deptford, phía Đông Nam thành "
     "phố, vào khoảng 10:15 giờ BST.",
     [("Bestwood", "PLACE"), ("Evelyn", "PLACE"), ("Deptford", "PLACE")]),
    # Apple is a census last name; Google and Microsoft are common English words, so companies
    ("Khi Trung Quốc trở nên tích cực hơn trong mảng trí tuệ nhân tạo, Hoa Kỳ nên tăng gấp đôi số tiền dành cho "
     "nghiên cứu trong lĩnh vực này, nhà đầu tư và hành nghề về AI Kai-Fu Lee, người từng làm việc cho Google, "
     "Microsoft và Apple chia sẻ.",
     [("Trung Quốc", "PLACE"), ("trí tuệ nhân tạo", "TERM"), ("Hoa Kỳ", "PLACE"), ("Kai-Fu Lee", "PERSON"),
      ("Google", "ORG"), ("Microsoft", "ORG"), ("Apple", "ORG")]),
    # "Kanye" alone would be a small US town; the paragraph has named Kanye West
    ("Anh viết trong thông báo về sự thay đổi trên Twitter vào thứ Bảy: “Trước đấy mọi người vẫn biết tới tôi là "
     "Kanye West.” Cuộc chuyển đổi đi từ Kanye, có nghĩa là duy nhất.",
     [("Twitter", "ORG"), ("Kanye West", "PERSON"), ("Kanye", "PERSON")]),
]


@pytest.mark.parametrize(
    "text,expected", ORG_CASES + BARE_ORG_CASES + NAME_CASES + PLACE_CASES + SHARED_TYPE_CASES
)
def test_vi_entities_found(nlp_vi, text, expected):
    assert spans(nlp_vi(text)) == expected


@pytest.mark.parametrize(
    "word,vietnamese",
    [("Nguyễn", True), ("Quốc", True), ("nghiêng", True), ("khuya", True), ("Kim", True), ("Ri", True),
     ("Biden", False), ("West", False), ("Lee", False), ("Obrador", False), ("Flake", False), ("MSNBC", False)],
)
def test_vi_syllables_vietnamese_can_spell(word, vietnamese):
    assert is_vietnamese_syllable(word) is vietnamese


@pytest.mark.parametrize(
    "text,glued,cut",
    [
        ("Ba là, đối lập tư tưởng Hồ Chí Minh với chủ nghĩa Mác - Lênin, đòi đưa chủ nghĩa Mác - Lênin ra khỏi nền "
         "tảng tư tưởng của Đảng ta.", "Đảng ta", ["của", "Đảng", "ta", "."]),
        ("Ông đứng với đôi mắt hướng xuống trong vài phút khi bị chất vấn, được truyền hình trực tiếp trên CNN.",
         "CNN.", ["trên", "CNN", "."]),
    ],
)
def test_vi_words_cut_where_names_end_keep_the_text(nlp_vi, text, glued, cut):
    assert glued in [t.text for t in nlp_vi.make_doc(text)]  # pyvi's word
    doc = nlp_vi(text)
    assert doc.text == text
    assert [t.text for t in doc][-len(cut) :] == cut


def test_vi_pipe_matches_call(nlp_vi):
    texts = [text for text, _ in NAME_CASES[:4]]
    assert [spans(doc) for doc in nlp_vi.pipe(texts)] == [spans(nlp_vi(text)) for text in texts]


def test_vi_gold_parses_with_the_scorer(ner_eval):
    docs = ner_eval.load_docs(str(GOLD), fmt="conll")
    labels = [label for d in docs for _, _, label in d["entities"]]
    assert len(docs) == 379 and len({d["id"] for d in docs}) == 379
    assert len(labels) >= 400
    assert {label: labels.count(label) for label in ("PER", "ORG", "LOC")} == {"PER": 194, "ORG": 217, "LOC": 174}


def test_vi_gold_text_round_trips(ner_eval):
    # the scorer must read each sentence from its "# text" line, not from re-joined tokens
    blocks = GOLD.read_text(encoding="utf-8").strip().split("\n\n")
    texts = [b.split("\n")[1].removeprefix("# text = ") for b in blocks]
    docs = ner_eval.load_docs(str(GOLD), fmt="conll")
    assert [d["text"] for d in docs] == texts
    for block, doc in zip(blocks, docs):
        tokens = [line.split("\t") for line in block.split("\n")[2:]]
        starts = [n for n, (_, _, tag) in enumerate(tokens) if tag.startswith("B-")]
        assert len(starts) == len(doc["entities"])
        assert all(doc["text"][s:e].strip() == doc["text"][s:e] and e > s for s, e, _ in doc["entities"])


def test_vi_gold_sentences_are_source_lines():
    seed = (ROOT / "seeds" / "003_5903452dc3d98689.txt").read_text(encoding="utf-8").split("\n")
    ntrex = EVAL_DIR / "ntrex_dev"
    for block in GOLD.read_text(encoding="utf-8").strip().split("\n\n"):
        sent_id, text = (line.split(" = ", 1)[1] for line in block.split("\n")[:2])
        doc, line = sent_id.rsplit(":", 1)
        if doc.startswith("seed."):
            assert seed[int(line) - 1].strip() == text
        elif ntrex.is_dir():
            lines = (ntrex / f"{doc}.vi.txt").read_text(encoding="utf-8").split("\n")
            assert lines[int(line) - 1].strip() == text


def test_vi_benchmark_parts_split_by_document():
    bench = load_module(ROOT / "benchmarks" / "ner_vi.py", "ner_vi")
    parts = bench.split_gold(GOLD)
    assert len(parts["tuned"]) + len(parts["held-aside"]) == len(parts["all"]) == 379
    held_docs = {b.split("\n")[0].removeprefix("# sent_id = ").rsplit(":", 1)[0] for b in parts["held-aside"]}
    assert held_docs == set(bench.HELD_ASIDE)
    assert (len(parts["held-aside"]), len(parts["seed"])) == (83, 56)


def test_vi_pipeline_loads_pyvi_without_scikit_learn():
    """pyvi's models load, and segment and tag as usual, without importing scikit-learn (extractors/vi_pyvi.py)."""
    code = ("import json, sys\n"
            "from policykg.extractors.pipeline import extract, get_nlp\n"
            "get_nlp('vi')\n"
            "spans = [(s.text, s.label) for s in extract('Ông Nguyễn Phú Trọng thăm Hà Nội.', 'vi')]\n"
            "from policykg.extractors.keywords import document_terms\n"
            "print(json.dumps([spans, 'sklearn' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    spans, imported = json.loads(out)
    assert spans == [["Nguyễn Phú Trọng", "PERSON"], ["Hà Nội", "PLACE"]]
    assert imported is False


def test_vi_pyvi_tags_as_with_scikit_learn():
    """With scikit-learn imported first, pyvi is imported the ordinary way and tags the same."""
    text = "Đảng Cộng sản Việt Nam lãnh đạo cuộc đấu tranh chống tham nhũng."
    code = ("import json, sys\n{first}"
            "from policykg.extractors.vi_pyvi import load_pyvi\n"
            "tok, tag = load_pyvi()\n"
            f"words, tags = tag.postagging(tok.tokenize({text!r}))\n"
            "print(json.dumps([words, list(tags), 'sklearn' in sys.modules]))")
    runs = [json.loads(subprocess.run([sys.executable, "-c", code.format(first=first)],
                                                     capture_output=True, text=True, check=True).stdout)
            for first in ("", "import sklearn\n")]
    assert runs[0][:2] == runs[1][:2] and "Cộng_sản" in runs[0][0]
    assert [r[2] for r in runs] == [False, True]
