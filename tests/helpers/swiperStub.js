// adaptivecards imports swiper (ES module only) for Carousel elements, which the product's cards do not use.
module.exports = { Swiper: function Swiper() {}, default: function Swiper() {}, A11y: {}, Autoplay: {}, History: {}, Keyboard: {}, Navigation: {}, Pagination: {}, Scrollbar: {} };
